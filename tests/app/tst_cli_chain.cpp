// `aelab chain` end to end: metrics keys, one distance per step, the CSV of
// every 10th step, and bad options.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliChain : public QObject {
    Q_OBJECT
private slots:
    void writesMetricsAndCsv() {
        QTemporaryDir dir;
        QProcess p;
        p.start(qEnvironmentVariable("AELAB_CLI"),
                {"chain", "--sigma", "0.05", "--train-steps", "600", "--points", "300", "--width", "64",
                 "--particles", "200", "--chain-steps", "25", "--inject", "0.05", "--out", dir.path()});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QFile m(dir.filePath("metrics.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(m.readAll()).object();
        QVERIFY(metrics["distance_metric"].toString().contains("energy"));
        const QJsonArray d = metrics["distances"].toArray();
        QCOMPARE(d.size(), 26);  // the start and one per step
        QCOMPARE(metrics["distance_start"].toDouble(), d.first().toDouble());
        QCOMPARE(metrics["distance_end"].toDouble(), d.last().toDouble());
        QVERIFY(metrics["distance_end"].toDouble() < metrics["distance_start"].toDouble());
        QFile c(dir.filePath("chain.csv"));
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(c.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QString("step,particle,x,y"));
        QCOMPARE(lines.size(), 1 + 3 * 200);  // steps 0, 10 and 20
        QVERIFY(lines.last().startsWith("20,199,"));
    }
    void rejectsBadOptions() {
        QProcess p;
        p.start(qEnvironmentVariable("AELAB_CLI"), {"chain", "--inject", "-1", "--out", "/tmp/unused"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--inject"));
    }
};

QTEST_GUILESS_MAIN(TestCliChain)
#include "tst_cli_chain.moc"
