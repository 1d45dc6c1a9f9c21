// Every file input is bounded (core/io/input_file.h): the special files an
// adversarial run used (a FIFO, /dev/zero, a folder, a symbolic-link loop,
// a file over the limit) are refused with a sentence naming the file,
// before anything blocks or fills memory, for each loader that reads them.
#include "core/io/input_file.h"
#include "datasets/dataset_error.h"
#include "datasets/idx_file.h"
#include "datasets/image_folder.h"
#include "datasets/mnist_json.h"
#include "datasets/points_csv.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>
#include <zlib.h>

#include "tests/test_warnings.h"
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>

using namespace aelab;

namespace {
// The message a loader gives for path, or "" if it accepted it.
template <typename Load> QString refusal(Load load, const std::string& path) {
    try {
        load(path);
    } catch (const DatasetError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

void checkEveryLoader(const std::string& path, const QString& expect) {
    const QString csv = refusal([](const std::string& p) { readPointsCsv(p); }, path);
    const QString json = refusal([](const std::string& p) { readMnistDigitFile(p); }, path);
    const QString idx = refusal([](const std::string& p) { readIdxLabels(p); }, path);
    for (const QString& message : {csv, json, idx}) {
        QVERIFY2(message.contains(QString::fromStdString(path)), qPrintable(message));
        QVERIFY2(message.contains(expect), qPrintable(message));
    }
}
} // namespace

class TestInputFiles : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }

    void aFifoIsRefusedWithoutBlocking() {
        QTemporaryDir dir;
        const std::string fifo = dir.filePath("pipe").toStdString();
        QCOMPARE(mkfifo(fifo.c_str(), 0600), 0);
        checkEveryLoader(fifo, "pipe");
    }

    void aDeviceIsRefused() { checkEveryLoader("/dev/zero", "device"); }

    void aFolderIsRefused() {
        QTemporaryDir dir;
        checkEveryLoader(dir.path().toStdString(), "is a folder");
    }

    void aSymlinkLoopIsRefused() {
        QTemporaryDir dir;
        const std::string a = dir.filePath("a").toStdString(), b = dir.filePath("b").toStdString();
        QCOMPARE(symlink(b.c_str(), a.c_str()), 0);
        QCOMPARE(symlink(a.c_str(), b.c_str()), 0);
        checkEveryLoader(a, "loop");
    }

    // A sparse file: its size says 300 MB, the disk holds nothing.
    void aFileOverTheLimitIsRefusedBeforeReading() {
        QTemporaryDir dir;
        const QString path = dir.filePath("big.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(qint64(300) << 20));
        f.close();
        const QString csv =
            refusal([](const std::string& p) { readPointsCsv(p); }, path.toStdString());
        QVERIFY2(csv.contains("300 MB is over the 256 MB limit for a points CSV"), qPrintable(csv));
    }

    // A gzip stream whose IDX header promises 10 labels but which inflates to
    // far more stops one byte past the promise, not at the end of the stream.
    void inflatingStopsAtWhatTheHeaderPromises() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("bomb.gz").toStdString();
        gzFile f = gzopen(path.c_str(), "wb9");
        const unsigned char header[8] = {0, 0, 8, 1, 0, 0, 0, 10};
        gzwrite(f, header, sizeof header);
        std::vector<char> zeros(1 << 20, 0);
        for (int i = 0; i < 64; ++i) // 64 MB of zeros after the 10 promised bytes
            gzwrite(f, zeros.data(), unsigned(zeros.size()));
        gzclose(f);
        const QString why = refusal([](const std::string& p) { readIdxLabels(p); }, path);
        QVERIFY2(why.contains("1 bytes after the data"), qPrintable(why));
    }

    // A link loop and a FIFO inside an image folder are skipped with their
    // reasons; the readable image still loads. With nothing readable, the
    // error carries the reasons.
    void imageFoldersSkipSpecialEntries() {
        QTemporaryDir dir;
        const std::string a = dir.filePath("a.png").toStdString();
        const std::string b = dir.filePath("b.png").toStdString();
        QCOMPARE(symlink(b.c_str(), a.c_str()), 0);
        QCOMPARE(symlink(a.c_str(), b.c_str()), 0);
        QCOMPARE(mkfifo(dir.filePath("c.png").toStdString().c_str(), 0600), 0);
        const std::string folder = dir.path().toStdString();
        const QString none = refusal([](const std::string& p) { loadImageFolder(p, {}); }, folder);
        QVERIFY2(none.contains("no readable image") && none.contains("loop") &&
                     none.contains("pipe"),
                 qPrintable(none));
        QImage image(28, 28, QImage::Format_Grayscale8);
        image.fill(128);
        QVERIFY(image.save(dir.filePath("d.png")));
        const ImageSet set = loadImageFolder(folder, {});
        QCOMPARE(set.train.size(0), 1);
        QCOMPARE(int(set.skipped.size()), 3);
    }

    void byteSizesRead() {
        QCOMPARE(QString::fromStdString(byteSize(870)), QString("870 bytes"));
        QCOMPARE(QString::fromStdString(byteSize(std::uintmax_t(256) << 20)), QString("256 MB"));
        QCOMPARE(QString::fromStdString(byteSize(std::uintmax_t(3) << 30)), QString("3.0 GB"));
    }
};

QTEST_GUILESS_MAIN(TestInputFiles)
#include "tst_input_files.moc"
