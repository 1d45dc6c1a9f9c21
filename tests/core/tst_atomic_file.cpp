// Atomic saving (core/atomic_file): a save replaces the old file whole or not
// at all. A writer that fails half-way, writes nothing, or meets a full disk
// (simulated with a file-size limit) leaves the previous file byte for byte,
// and no temporary behind.
#include "core/io/atomic_file.h"
#include "core/field/field_trainer.h"
#include "core/training/torch_threads.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

#include <csignal>
#include <fstream>
#include <sys/resource.h>

using namespace aelab;

namespace {
QByteArray read(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) throw std::runtime_error("write failed");
}
int filesIn(const QTemporaryDir& dir) {
    return int(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size());
}

// A file-size limit makes writes past `bytes` fail (EFBIG), as a full disk
// would; SIGXFSZ is ignored so the write returns the error instead of
// killing the test.
class FileSizeLimit {
  public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &old_);
        oldHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{bytes, old_.rlim_max};
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &old_);
        std::signal(SIGXFSZ, oldHandler_);
    }

  private:
    rlimit old_{};
    void (*oldHandler_)(int) = nullptr;
};
} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void replacesWholeFiles() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.txt").toStdString();
        writeAtomically(path, [](const std::string& t) { write(t, "first"); });
        writeAtomically(path, [](const std::string& t) { write(t, "second, longer"); });
        QCOMPARE(read(dir.filePath("a.txt")), QByteArray("second, longer"));
        QCOMPARE(filesIn(dir), 1);
    }
    void temporaryIsBesideTheTargetWithItsSuffix() {
        const std::string t = temporaryPathFor("/some/folder/plot.svg");
        QVERIFY(QString::fromStdString(t).startsWith("/some/folder/.plot.part-"));
        QVERIFY(QString::fromStdString(t).endsWith(".svg"));
        QVERIFY(temporaryPathFor("/x/a.pt") != temporaryPathFor("/x/a.pt"));
    }
    void failedWritesKeepThePreviousFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("s.session").toStdString();
        writeAtomically(path, [](const std::string& t) { write(t, "good"); });
        // Half a file, then an error.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 writeAtomically(path, [](const std::string& t) {
                                     write(t, "partial");
                                     throw std::runtime_error("crash");
                                 }));
        // Nothing written at all.
        try {
            writeAtomically(path, [](const std::string&) {});
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("s.session"), e.what());
        }
        // A writer that reports failure.
        std::string why;
        QVERIFY(!tryWriteAtomically(
            path,
            [](const std::string& t) {
                write(t, "half");
                return false;
            },
            &why));
        QVERIFY(QString::fromStdString(why).contains("s.session"));
        QCOMPARE(read(dir.filePath("s.session")), QByteArray("good"));
        QCOMPARE(filesIn(dir), 1);
    }
    void missingFolderIsAClearError() {
        std::string why;
        QVERIFY(!tryWriteAtomically(
            "/nonexistent-folder/x.png",
            [](const std::string& t) {
                std::ofstream out(t);
                return bool(out << "x");
            },
            &why));
        QVERIFY(QString::fromStdString(why).contains("/nonexistent-folder/x.png"));
    }
    void fullDiskDuringAModelSaveKeepsTheOldModel() {
        setTorchThreads(1);
        QTemporaryDir dir;
        const std::string path = dir.filePath("model.pt").toStdString();
        FieldConfig c;
        c.data.count = 200;
        c.width = 64;
        FieldTrainer trainer(c);
        trainer.train(5);
        trainer.save(path);
        const QByteArray before = read(dir.filePath("model.pt"));
        QVERIFY(before.size() > 8192);
        trainer.train(5);
        {
            FileSizeLimit limit(4096); // the disk fills after 4 KB
            try {
                trainer.save(path);
                QFAIL("expected ModelFileError");
            } catch (const ModelFileError& e) {
                QVERIFY2(QString(e.what()).contains("model.pt"), e.what());
            }
        }
        QCOMPARE(read(dir.filePath("model.pt")), before);
        QCOMPARE(filesIn(dir), 1);
        QCOMPARE(FieldTrainer::load(path)->step(), 5LL); // still the old, loadable model
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
