// `aelab bench` with tiny runs: every figure of docs/performance.md is in bench.json
// and sensible (rates and times positive, p95 >= p50, frames were drawn, the
// window painted); the peer's figures come from the peer program and the
// ratios are ours over theirs; bad options fail in one line. Timing values
// are never compared with targets here: that is the benchmark's job.
#include "tests/test_time.h"
#include "bench/bench_probes.h"
#include "tests/cli/cli_runner.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {
QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// A stand-in for python3: checks the data the bench wrote for the peer and
// answers with fixed figures, so the ratios can be checked exactly.
QString writeFakePython(const QTemporaryDir& dir) {
    const QString path = dir.filePath("fake-python");
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write("#!/bin/bash\n"
            "# $1 is the script; --data DIR follows\n"
            "data=$3\n"
            "[ \"$(stat -c %s \"$data/data.f32\")\" = 8000 ] || exit 3\n"
            "[ \"$(stat -c %s \"$data/lines.f32\")\" = 8192000 ] || exit 4\n"
            "echo '{\"peer_train_steps_per_second\": 100, \"peer_acai_steps_per_second\": 2,"
            " \"peer_threads\": 1}'\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}
} // namespace

class TestCliBench : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void statistics() {
        QCOMPARE(median({3, 1, 2}), 2.0);
        QCOMPARE(median({4, 1, 2, 3}), 2.5);
        std::vector<double> v;
        for (int i = 100; i >= 1; --i)
            v.push_back(i);
        QCOMPARE(percentile(v, 95), 95.0);
        QCOMPARE(percentile(v, 50), 50.0);
        QCOMPARE(percentile({7}, 95), 7.0);
    }
    void writesEveryFigureAndPeerRatios() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(runCli({"bench", "--seconds", QString::number(0.2 * testTimeFactor()), "--repeats",
                         "1", "--peer", "--python", writeFakePython(dir), "--out", dir.path()},
                        &err),
                 0);
        const QJsonObject r = readJson(dir.filePath("bench.json"));
        for (const char* key :
             {"train_steps_per_second", "gui_over_headless", "field_eval_ms", "ideal_field_ms",
              "chain_step_ms", "frame_ms_p50", "frame_ms_p95", "image_dae_steps_per_second",
              "acai_steps_per_second", "startup_ms"})
            QVERIFY2(r.value(key).toDouble() > 0, key);
        QVERIFY(r["frame_ms_p95"].toDouble() >= r["frame_ms_p50"].toDouble());
        QVERIFY(r["runs"].toObject()["frames"].toDouble() >= 1);
        QCOMPARE(r["peer_train_steps_per_second"].toDouble(), 100.0);
        QCOMPARE(r["ratio_train"].toDouble(), r["train_steps_per_second"].toDouble() / 100);
        QCOMPARE(r["ratio_acai"].toDouble(), r["acai_steps_per_second"].toDouble() / 2);
        QVERIFY(r["machine"].toObject()["cores"].toInt() >= 1);
        QVERIFY(r["versions"].toObject()["libtorch"].toString().startsWith("1."));
        QCOMPARE(r["settings"].toObject()["torch_threads"].toInt(), 1);
    }
    void badInput() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(runCli({"bench", "--seconds", "0", "--out", dir.path()}, &err), 2);
        QVERIFY(err.contains("--seconds"));
        QCOMPARE(runCli({"bench", "--repeats", "x", "--out", dir.path()}, &err), 2);
        QVERIFY(err.contains("--repeats"));
        // A peer that cannot start: one line naming what to install.
        QCOMPARE(runCli({"bench", "--seconds", "0.05", "--repeats", "1", "--peer", "--python",
                         dir.filePath("no-such-python"), "--out", dir.path()},
                        &err),
                 1);
        QVERIFY(err.contains("python3-torch"));
        QCOMPARE(err.trimmed().count('\n'), 0);
        QVERIFY(!QFileInfo::exists(dir.filePath("bench.json")));
    }
};

QTEST_MAIN(TestCliBench)
#include "tst_cli_bench.moc"
