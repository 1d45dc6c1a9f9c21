// Torch before Qt: Qt's "slots" macro breaks Torch's headers.
#include "core/sampling/chain_sampler.h"
#include "datasets/dataset_error.h"
#include "core/field/field_denoiser.h"
#include "core/field/field_trainer.h"
#include "core/image/image_dae_trainer.h"
#include "datasets/image_source.h"
#include "core/interp/interp_trainer.h"
#include "datasets/lines.h"
#include "datasets/toy2d.h"

#include "bench/bench_probes.h"
#include "app/labs/field/field_controls.h"
#include "app/labs/field/field_lab.h"
#include "app/labs/field/field_worker.h"
#include "app/labs/image/image_controls.h"
#include "app/shell/main_window.h"
#include "app/labkit/thread_handoff.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace aelab {

namespace {
void spin(double seconds) {
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
}

aelab::FieldConfig fieldDefaults() {
    return FieldControls().config(); // exactly what the lab starts with
}

// (time, step) of the snapshots that arrive while the clock runs.
struct RateMeter {
    QElapsedTimer clock;
    double t0 = -1, t1 = -1;
    long long s0 = 0, s1 = 0;
    long long latest = -1; // the last step seen, counting or not
    bool counting = false;
    void see(long long step) {
        latest = step;
        if (!counting) return;
        const double t = double(clock.nsecsElapsed()) * 1e-9;
        if (t0 < 0) t0 = t, s0 = step;
        t1 = t, s1 = step;
    }
    double rate() const { return t1 > t0 ? double(s1 - s0) / (t1 - t0) : 0; }
};

// Until training runs (a snapshot past step 0 arrived): at least 0.5 s, at
// most 60 s. A slow machine, or a sanitizer build, takes seconds to set up.
void warmUp(const RateMeter& meter) {
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 60000 && (clock.elapsed() < 500 || meter.latest <= 0))
        spin(0.05);
}

template <typename Train> double stepsPerSecond(Train train, double seconds) {
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 500) // warm-up, as long as the peer's: allocations, kernels
        train(1);
    clock.restart();
    long long done = 0;
    while (double(clock.nsecsElapsed()) * 1e-9 < seconds)
        done += train(5);
    return double(done) / (double(clock.nsecsElapsed()) * 1e-9);
}

bool writeRaw(const QString& path, const torch::Tensor& t, QString* error) {
    auto c = t.contiguous().to(torch::kFloat32);
    QFile f(path);
    const qint64 bytes = qint64(c.numel()) * qint64(sizeof(float));
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(reinterpret_cast<const char*>(c.data_ptr<float>()), bytes) != bytes) {
        *error = "cannot write " + path;
        return false;
    }
    return true;
}
} // namespace

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

double headlessFieldStepsPerSecond(double seconds) {
    QThread thread;
    auto* worker = new FieldWorker;
    worker->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    RateMeter meter;
    QObject receiver;
    handoff::connect(worker, &FieldWorker::snapshotReady, &receiver, [&](const FieldSnapshot& s) {
        meter.see(s.step);
        worker->snapshotConsumed();
    });
    thread.start();
    handoff::post(worker, &FieldWorker::reset, fieldDefaults());
    handoff::post(worker, &FieldWorker::setStepsPerFrame, 0);
    handoff::post(worker, &FieldWorker::setPlaying, true);
    warmUp(meter);
    meter.clock.start();
    meter.counting = true;
    spin(seconds);
    handoff::call(worker, &FieldWorker::shutdown);
    thread.quit();
    thread.wait();
    return meter.rate();
}

GuiFieldRun guiFieldRun(double seconds) {
    MainWindow window;
    window.resize(1400, 880);
    window.show();
    FieldLab* lab = window.fieldLab();
    RateMeter meter;
    handoff::connect(lab->fieldWorker(), &FieldWorker::snapshotReady, &window,
                     [&](const FieldSnapshot& s) { meter.see(s.step); });
    handoff::post(lab->fieldWorker(), &FieldWorker::setStepsPerFrame, 0);
    lab->setPlaying(true);
    warmUp(meter);
    const size_t before = lab->recentFrameMs().size();
    meter.clock.start();
    meter.counting = true;
    spin(seconds);
    lab->setPlaying(false);
    const auto& all = lab->recentFrameMs();
    GuiFieldRun run;
    run.stepsPerSecond = meter.rate();
    run.frameMs.assign(all.begin() + qsizetype(std::min(before, all.size())), all.end());
    return run;
}

double fieldEvalMs(int runs) {
    aelab::FieldTrainer trainer(fieldDefaults());
    trainer.train(100);
    trainer.evaluate();
    return medianMs(runs, [&] { trainer.evaluate(); });
}

double idealFieldMs(int runs) {
    // What the lab does when sigma changes: the ideal field on the grid anew.
    aelab::FieldConfig c = fieldDefaults();
    aelab::FieldTrainer trainer(c);
    int flip = 0;
    return medianMs(runs, [&] {
        c.sigma = (flip++ % 2) ? 0.1f : 0.11f;
        trainer.applyLive(c);
    });
}

double chainStepMs(int runs) {
    aelab::FieldTrainer trainer(fieldDefaults());
    trainer.train(100);
    const aelab::Box2D b = trainer.grid().box;
    aelab::ChainSampler chain(aelab::fieldDenoiser(trainer),
                              aelab::uniformParticles(10000, b.x0, b.x1, b.y0, b.y1, 1), 1);
    chain.setInjection(0.05); // the chain lab's default s
    chain.step();
    return medianMs(runs, [&] { chain.step(); });
}

double imageDaeStepsPerSecond(double seconds, QString* dataset) {
    const aelab::ImageDaeConfig config = ImageControls().config();
    aelab::ImageSet set;
    *dataset = "mnist"; // the image lab's first choice
    try {
        set = aelab::loadImageSource("mnist");
    } catch (const aelab::DatasetError&) {
        *dataset = "lines"; // no MNIST cache: the lines need no download
        set = aelab::loadImageSource("lines");
    }
    aelab::ImageDaeTrainer trainer(set.train, config);
    return stepsPerSecond([&](int n) { return trainer.train(n).steps; }, seconds);
}

double acaiStepsPerSecond(double seconds) {
    const aelab::ImageSet set = aelab::loadImageSource("lines");
    aelab::InterpTrainer trainer(set.train,
                                 aelab::defaultInterpConfig(aelab::InterpModel::Acai, 32, 32));
    return stepsPerSecond([&](int n) { return trainer.train(n).steps; }, seconds);
}

double startupMs(const QString& program, QString* error) {
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("AELAB_STARTUP_PROBE", "1");
    child.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    child.start(program, {});
    QByteArray out;
    while (!out.contains("painted") && child.waitForReadyRead(30000))
        out += child.readAllStandardOutput();
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    if (!child.waitForFinished(30000)) child.kill();
    if (!out.contains("painted")) {
        *error = "the window never painted: " + QString::fromUtf8(child.readAllStandardError());
        return -1;
    }
    return ms;
}

bool writePeerData(const QString& dir, QString* error) {
    const auto points = aelab::makeToy2D(fieldDefaults().data);
    const auto lines = aelab::linesSet(2000, 1, 1).train * 2 - 1;
    return writeRaw(dir + "/data.f32", points, error) && writeRaw(dir + "/lines.f32", lines, error);
}

} // namespace aelab
