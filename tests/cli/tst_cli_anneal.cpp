// `aelab anneal` end to end: the metrics the issue names, a distance per
// step, chain.csv at every level, the video, fields.png, a model that goes
// back in, and the options that do not apply refused.
#include "media/video_encoder.h"
#include "tests/cli/cli_runner.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {
QJsonObject readMetrics(const QDir& dir) {
    QFile m(dir.filePath("metrics.json"));
    if (!m.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(m.readAll()).object();
}

// A tiny run: 4 levels of 3 steps, 150 particles.
QStringList tinyRun(const QString& out, const QString& sampler) {
    return {"anneal", "--points",  "200",   "--width",           "48", "--train-steps",
            "400",    "--levels",  "4",     "--steps-per-level", "3",  "--particles",
            "150",    "--sampler", sampler, "--video-size",      "96", "--out",
            out};
}
} // namespace

class TestCliAnneal : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }

    void writesEveryOutput() {
        QTemporaryDir dir;
        QStringList args = tinyRun(dir.path(), "langevin");
        args << "--save-model" << dir.filePath("nc.model");
        QString err;
        QCOMPARE(runCli(args, &err), 0);
        const QJsonObject m = readMetrics(QDir(dir.path()));
        for (const char* key : {"distance_start", "distance_end", "yardstick", "distances",
                                "fit_r2_by_sigma", "train_seconds", "steps_per_second", "sampler"})
            QVERIFY2(m.contains(key), key);
        QCOMPARE(m["sampler"].toString(), QString("langevin"));
        const QJsonArray d = m["distances"].toArray();
        QCOMPARE(d.size(), 4 * 3 + 1 + 1); // the start, 12 steps, the final denoising
        QCOMPARE(m["distance_end"].toDouble(), d.last().toDouble());
        QVERIFY(m["distance_end"].toDouble() < m["distance_start"].toDouble());
        QVERIFY(m["yardstick"].toDouble() > 0);
        const QJsonObject fits = m["fit_r2_by_sigma"].toObject();
        QCOMPARE(fits.size(), 4);
        QVERIFY(fits.contains("1") && fits.contains("0.01"));

        QFile c(dir.filePath("chain.csv"));
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(c.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QString("step,level,sigma,particle,x,y"));
        // The start (level 0), the first step of levels 1..3, and the end.
        QCOMPARE(lines.size(), 1 + 5 * 150);
        QVERIFY(lines.at(1).startsWith("0,0,1,0,"));
        QVERIFY(lines.last().startsWith("13,3,0,149,"));
        QCOMPARE(countVideoFrames(dir.filePath("chain.gif").toStdString()), 14);
        const QImage fields(dir.filePath("fields.png"));
        QCOMPARE(fields.size(), QSize(2 * 640, 2 * 640));

        // The saved model samples again, with the other samplers.
        QTemporaryDir again;
        for (const char* sampler : {"ode", "heun", "denoise"}) {
            QCOMPARE(runCli({"anneal", "--model", dir.filePath("nc.model"), "--particles", "100",
                             "--steps-per-level", "2", "--sampler", sampler, "--video-size", "64",
                             "--out", again.path()},
                            &err),
                     0);
            QCOMPARE(readMetrics(QDir(again.path()))["sampler"].toString(), QString(sampler));
        }
    }

    void refusesWhatDoesNotApply() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(runCli({"anneal", "--sigma", "0.1", "--out", dir.path()}, &err), 2);
        QVERIFY2(err.contains("--sigma-min"), qPrintable(err));
        QCOMPARE(runCli({"anneal", "--loss", "bce", "--out", dir.path()}, &err), 2);
        QVERIFY2(err.contains("squared error"), qPrintable(err));
        QCOMPARE(runCli({"anneal", "--weight", "0.3", "--out", dir.path()}, &err), 2);
        QVERIFY2(err.contains("two-gaussians"), qPrintable(err));
        QCOMPARE(
            runCli({"anneal", "--sigma-min", "1", "--sigma-max", "0.5", "--out", dir.path()}, &err),
            2);
        QVERIFY2(err.contains("--sigma-max"), qPrintable(err));
        // A single-sigma model cannot anneal.
        QCOMPARE(runCli({"field", "--steps", "10", "--points", "50", "--save-model",
                         dir.filePath("single.model"), "--out", dir.filePath("f")},
                        &err),
                 0);
        QCOMPARE(
            runCli({"anneal", "--model", dir.filePath("single.model"), "--out", dir.filePath("a")},
                   &err),
            2);
        QVERIFY2(err.contains("noise-conditional"), qPrintable(err));
    }

    void twoGaussiansReportTheModeShares() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(runCli({"anneal",
                         "--dataset",
                         "two-gaussians",
                         "--weight",
                         "0.3",
                         "--denoiser",
                         "ideal",
                         "--train-steps",
                         "0",
                         "--points",
                         "300",
                         "--particles",
                         "400",
                         "--levels",
                         "8",
                         "--steps-per-level",
                         "5",
                         "--video-size",
                         "64",
                         "--out",
                         dir.path()},
                        &err),
                 0);
        const QJsonObject m = readMetrics(QDir(dir.path()));
        QVERIFY(std::abs(m["data_first_mode_share"].toDouble() - 0.3) < 0.08);
        QVERIFY(m.contains("first_mode_share"));
    }
};

QTEST_GUILESS_MAIN(TestCliAnneal)
#include "tst_cli_anneal.moc"
