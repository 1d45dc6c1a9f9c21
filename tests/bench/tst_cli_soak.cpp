// The short version of `aelab soak`: the GUI opens offscreen, every lab takes
// its turn training, memory is sampled throughout and soak.json says so. The
// hour-long run and its figure are in the README.
#include "tests/test_time.h"
#include "tests/cli/cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

class TestCliSoak : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void everyLabTakesATurnAndMemoryIsSampled() {
        QTemporaryDir dir;
        QString err;
        const double slow = testTimeFactor(); // longer turns in slow (sanitised) builds
        const int code = runCli({"soak", "--minutes", QString::number(0.15 * slow),
                                 "--turn-seconds", QString::number(1.5 * slow), "--sample-seconds",
                                 QString::number(0.5 * slow), "--out", dir.path()},
                                &err);
        QVERIFY2(code == 0,
                 qPrintable(QStringLiteral("exit %1: %2").arg(code).arg(err.right(20000))));
        QFile f(dir.filePath("soak.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject r = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray samples = r["samples"].toArray();
        QVERIFY(samples.size() >= 12);
        QSet<QString> labs;
        for (const auto& s : samples) {
            QVERIFY(s.toArray()[1].toDouble() > 10); // megabytes resident
            labs.insert(s.toArray()[2].toString());
        }
        QCOMPARE(labs, QSet<QString>({"field", "image", "interpolation", "dvae"}));
        const QJsonArray ends = r["turn_ends"].toArray();
        QVERIFY(ends.size() >= 4); // at least one whole round
        QCOMPARE(ends[0].toArray()[2].toString(), QString("field"));
        QCOMPARE(ends[1].toArray()[2].toString(), QString("image"));
        QVERIFY(r["rss_max_mb"].toDouble() >= r["rss_end_mb"].toDouble());
        QVERIFY(r["minutes"].toDouble() >= 0.15);
    }
    void badOptions() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(runCli({"soak", "--minutes", "-1", "--out", dir.path()}, &err), 2);
        QVERIFY(err.contains("--minutes"));
    }
};

QTEST_MAIN(TestCliSoak)
#include "tst_cli_soak.moc"
