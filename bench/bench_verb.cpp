// aelab bench: the performance figures of docs/performance.md, each the
// median of several runs, written to DIR/bench.json and printed as a table
// with the targets. --peer runs bench/peer_pytorch.py (the same field-lab loop
// and ACAI step in PyTorch from Python) in the same run and reports ratios.
#include "core/training/blas_kernel.h"
#include "bench/bench_peer.h"
#include "bench/bench_probes.h"
#include "bench/bench_scale.h"
#include "core/training/torch_threads.h"
#include <torch/version.h>

#include "bench/verbs.h"
#include "cli/machine_info.h"
#include "cli/args.h"
#include "cli/field_common.h"
#include "cli/output.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

namespace aelab {

namespace {
QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

QJsonArray toArray(const std::vector<double>& v) {
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

struct Row {
    const char* key;
    const char* unit;
    const char* target; // empty: no target
    bool (*met)(double);
};

void printTable(const QJsonObject& r) {
    static const Row rows[] = {
        {"train_steps_per_second", "steps/s", "", nullptr},
        {"peer_train_steps_per_second", "steps/s", "", nullptr},
        {"peer_matched_train_steps_per_second", "steps/s", "", nullptr},
        {"ratio_train", "x", ">= 1.5", [](double v) { return v >= 1.5; }},
        {"ratio_train_matched", "x", "", nullptr},
        {"gui_over_headless", "x", ">= 0.90", [](double v) { return v >= 0.9; }},
        {"frame_ms_p50", "ms", "", nullptr},
        {"frame_ms_p95", "ms", "< 16", [](double v) { return v < 16; }},
        {"field_eval_ms", "ms", "< 5", [](double v) { return v < 5; }},
        {"ideal_field_ms", "ms", "", nullptr},
        {"chain_step_ms", "ms", "", nullptr},
        {"image_dae_steps_per_second", "steps/s", "", nullptr},
        {"acai_steps_per_second", "steps/s", "", nullptr},
        {"peer_acai_steps_per_second", "steps/s", "", nullptr},
        {"ratio_acai", "x", "", nullptr},
        {"ratio_acai_matched", "x", "", nullptr},
        {"startup_ms", "ms", "< 1500", [](double v) { return v < 1500; }},
    };
    out() << QString("%1 %2 %3 %4\n")
                 .arg("figure", -30)
                 .arg("value", 12)
                 .arg("unit", -8)
                 .arg("target");
    for (const Row& row : rows) {
        if (!r.contains(row.key)) continue;
        const double v = r.value(row.key).toDouble();
        QString verdict = row.met ? (row.met(v) ? "  met" : "  NOT met") : "";
        out() << QString("%1 %2 %3 %4%5\n")
                     .arg(row.key, -30)
                     .arg(v, 12, 'f', v < 100 ? 3 : 1)
                     .arg(row.unit, -8)
                     .arg(row.target)
                     .arg(verdict);
    }
    out().flush();
}
} // namespace

namespace bench {

// The bench verbs read options and write files as every verb does.
using namespace cli;

namespace {
// The peer's medians and our ratios to them: against the default-configured
// peer (ratio_*) and against the peer with our kernel and threads
// (ratio_*_matched, the framework's overhead alone).
void addPeerFigures(QJsonObject& r, const std::vector<double>& train,
                    const std::vector<double>& acai, const std::vector<double>& matchedTrain,
                    const std::vector<double>& matchedAcai) {
    r["peer_train_steps_per_second"] = median(train);
    r["peer_acai_steps_per_second"] = median(acai);
    r["peer_matched_train_steps_per_second"] = median(matchedTrain);
    r["peer_matched_acai_steps_per_second"] = median(matchedAcai);
    r["peer_runs"] = QJsonObject{{"train_steps_per_second", toArray(train)},
                                 {"acai_steps_per_second", toArray(acai)},
                                 {"matched_train_steps_per_second", toArray(matchedTrain)},
                                 {"matched_acai_steps_per_second", toArray(matchedAcai)}};
    const double ours = r["train_steps_per_second"].toDouble();
    const double oursAcai = r["acai_steps_per_second"].toDouble();
    r["ratio_train"] = ours / median(train);
    r["ratio_acai"] = oursAcai / median(acai);
    r["ratio_train_matched"] = ours / median(matchedTrain);
    r["ratio_acai_matched"] = oursAcai / median(matchedAcai);
}

int runScaleBench(CliArgs& a, const QDir& dir, const BenchSettings& s) {
    aelab::setTorchThreads(1); // as in the GUI's worker
    ScaleSettings settings;
    settings.repeats = s.repeats;
    QJsonArray rows;
    QString error;
    out() << "aelab bench --scale: " << settings.repeats << " runs per figure\n";
    out().flush();
    const QJsonObject m = aelab::cli::machineJson();
    const QString where = QString("%1, %2 cores, OpenBLAS kernel %3")
                              .arg(m["cpu"].toString())
                              .arg(m["cores"].toInt())
                              .arg(m["blas_kernel"].toString());
    if (!runScaling(QCoreApplication::applicationFilePath(), dir.path(), settings, where, &rows,
                    &error))
        return runError(a, error);
    const QJsonObject r{
        {"scaling", rows}, {"machine", m}, {"versions", aelab::cli::versionsJson()}};
    if (!writeJson(dir.filePath("bench.json"), r, &error)) return runError(a, error);
    return 0;
}
} // namespace

int runBenchVerb(const QStringList& args) {
    CliArgs a("bench", "Measure training speed, GUI cost, frame times, evaluation and startup; "
                       "write DIR/bench.json and print a table with the targets.");
    a.addOption("out", "Output folder (created if missing).");
    a.addOption("seconds", "Seconds per throughput run.", "3");
    a.addOption("repeats", "Runs per figure; each figure is their median.", "3");
    a.addFlag("peer", "Also run bench/peer_pytorch.py (PyTorch from Python) and report ratios.");
    a.addOption("python", "The Python with torch for --peer (Debian's python3-torch).",
                "/usr/bin/python3");
    a.addFlag("scale", "Instead: the field lab's costs at 10^3 to 10^6 points (scaling table "
                       "in bench.json, scaling.png).");
    if (!a.parse(args)) return usageError(a);
    if (a.helpRequested()) return printHelp(a);
    BenchSettings s;
    long long repeats = s.repeats;
    if (!a.number("seconds", 0.05, 600, s.seconds) || !a.integer("repeats", 1, 50, repeats))
        return usageError(a);
    s.repeats = int(repeats);
    QDir dir;
    if (int code = openOutputDir(a, dir)) return code;
    QString error;
    if (a.isSet("scale")) return runScaleBench(a, dir, s);
    // A peer that cannot run is known before a minute of measuring.
    const bool withPeer = a.isSet("peer");
    BenchPeer peer;
    if (withPeer && !peer.prepare(a.text("python"), &error)) return runError(a, error);

    aelab::setTorchThreads(1); // as in the GUI: one for training, one core for drawing
    QJsonObject r;
    std::vector<double> headless, gui, frames, image, acai, startup, peerTrain, peerAcai;
    std::vector<double> matchedTrain, matchedAcai; // the peer with our kernel and threads
    QString imageData;
    out() << "aelab bench: " << s.repeats << " runs of " << s.seconds << " s per figure\n";
    out().flush();
    for (int i = 0; i < s.repeats; ++i) {
        headless.push_back(headlessFieldStepsPerSecond(s.seconds));
        const GuiFieldRun run = guiFieldRun(s.seconds);
        gui.push_back(run.stepsPerSecond);
        frames.insert(frames.end(), run.frameMs.begin(), run.frameMs.end());
        image.push_back(imageDaeStepsPerSecond(s.seconds, &imageData));
        acai.push_back(acaiStepsPerSecond(s.seconds));
        const double ms = startupMs(QCoreApplication::applicationFilePath(), &error);
        if (ms < 0) return runError(a, error);
        startup.push_back(ms);
        if (withPeer) {
            QJsonObject p, m;
            if (!peer.run(s.seconds, BenchPeer::Setup::Default, &p, &error) ||
                !peer.run(s.seconds, BenchPeer::Setup::KernelMatched, &m, &error))
                return runError(a, error);
            peerTrain.push_back(p["peer_train_steps_per_second"].toDouble());
            peerAcai.push_back(p["peer_acai_steps_per_second"].toDouble());
            matchedTrain.push_back(m["peer_train_steps_per_second"].toDouble());
            matchedAcai.push_back(m["peer_acai_steps_per_second"].toDouble());
            for (const char* key :
                 {"peer_threads", "peer_torch_version", "peer_python_version", "peer_blas_kernel"})
                r[key] = p[key];
            r["peer_matched_blas_kernel"] = m["peer_blas_kernel"];
        }
    }
    r["train_steps_per_second"] = median(headless);
    r["gui_over_headless"] = median(gui) / median(headless);
    r["field_eval_ms"] = fieldEvalMs(50 * s.repeats);
    r["ideal_field_ms"] = idealFieldMs(5 * s.repeats);
    r["chain_step_ms"] = chainStepMs(20 * s.repeats);
    r["frame_ms_p50"] = percentile(frames, 50);
    r["frame_ms_p95"] = percentile(frames, 95);
    r["image_dae_steps_per_second"] = median(image);
    r["acai_steps_per_second"] = median(acai);
    r["startup_ms"] = median(startup);
    r["runs"] = QJsonObject{{"train_steps_per_second", toArray(headless)},
                            {"gui_steps_per_second", toArray(gui)},
                            {"frames", double(frames.size())},
                            {"image_dae_steps_per_second", toArray(image)},
                            {"acai_steps_per_second", toArray(acai)},
                            {"startup_ms", toArray(startup)}};
    if (withPeer) addPeerFigures(r, peerTrain, peerAcai, matchedTrain, matchedAcai);
    r["machine"] = aelab::cli::machineJson();
    r["versions"] = aelab::cli::versionsJson();
    r["settings"] = QJsonObject{{"seconds", s.seconds},
                                {"repeats", s.repeats},
                                {"torch_threads", aelab::torchThreads()},
                                {"qt_platform", QGuiApplication::platformName()},
                                {"image_dae_dataset", imageData}};
    if (!writeJson(dir.filePath("bench.json"), r, &error)) return runError(a, error);
    printTable(r);
    return 0;
}

} // namespace bench

} // namespace aelab
