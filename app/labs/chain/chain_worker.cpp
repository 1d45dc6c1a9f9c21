// Torch first: Qt's `slots` macro breaks its headers.
#include "core/field/basins.h"
#include "core/sampling/annealed_sampler.h"
#include "core/sampling/chain_sampler.h"
#include "core/field/field_denoiser.h"
#include "core/field/field_trainer.h"
#include "core/field/ideal_field_grid.h"
#include "core/metrics/sample_distance.h"
#include <ATen/CPUGeneratorImpl.h>
#include <torch/types.h>

#include "app/labs/chain/chain_worker.h"
#include "app/labs/field/field_snapshot.h"
#include "app/labs/field/field_worker.h"

#include <QTimer>
#include <cmath>

namespace aelab {

namespace {
constexpr int kFrameMs = 30;
static_assert(ChainWorker::kDistanceData == aelab::kDistanceSampleCap);
constexpr int kBasinSteps = 200;
} // namespace

struct ChainWorker::State {
    std::unique_ptr<aelab::ChainSampler> chain;
    std::unique_ptr<aelab::AnnealedSampler> anneal; // instead of chain while annealing
    double yardstick = 0;
    bool contoursOn = false;
    qint64 densityAtMs = -100000;
    torch::Tensor dataLogDensity; // cached until data or grid change
    quint64 densityRevision = ~0ull;
    aelab::FieldTrainer* trainer = nullptr;
    torch::Tensor data; // the training set, for the distance and for r*
    quint64 dataRevision = ~0ull;
    quint64 run = 0;
    double inject = 0;
    bool ideal = false;
    bool basinsOn = false, basinsDirty = true;
    long long basinsAtModelStep = -1;
    qint64 basinsAtMs = -100000;
    QVector<QPointF> pendingDistances;
    double lastDistance = 0;
    std::uint64_t burstSeed = 1000;

    torch::Tensor denoise(const torch::Tensor& x) {
        if (ideal) return aelab::idealReconstruct(data, x, trainer->config().sigma);
        return trainer->reconstructTensor(x);
    }
    torch::Tensor denoiseAt(const torch::Tensor& x, double sigma) {
        if (ideal) return aelab::idealReconstruct(data, x, sigma);
        return trainer->reconstructTensorAt(x, sigma);
    }
    const torch::Tensor& particles() const {
        return anneal ? anneal->particles() : chain->particles();
    }
    long long steps() const { return anneal ? anneal->steps() : chain->steps(); }
    // The yardstick of sample_distance.h at the size the distance uses.
    void measureYardstick() {
        const int64_t n = std::min<int64_t>(particles().size(0), ChainWorker::kDistanceParticles);
        const aelab::Toy2DSpec& spec = trainer->config().data;
        yardstick = n >= 2 ? aelab::distanceYardstick(spec, data, n) : 0;
    }
    // Every k-th particle, at most ChainWorker::kDistanceParticles: what the distance
    // and the density contours measure, so a large run costs what 1,000 do.
    torch::Tensor subsample() const {
        const auto& p = particles();
        if (p.size(0) <= ChainWorker::kDistanceParticles) return p;
        return p.slice(0, 0, p.size(0),
                       (p.size(0) + ChainWorker::kDistanceParticles - 1) /
                           ChainWorker::kDistanceParticles);
    }
    // Energy distance (Székely & Rizzo; sample_distance.h) between the particles and the data.
    double distance() { return aelab::energyDistance(subsample(), data); }
};

ChainWorker::ChainWorker(FieldWorker* field, QObject* parent)
    : QObject(parent), field_(field), d(std::make_unique<State>()), timer_(new QTimer(this)) {
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, &ChainWorker::tick);
    clock_.start();
}

ChainWorker::~ChainWorker() = default;

// Follows the field worker's model; a new training set restarts nothing but
// refreshes the data the distance is measured against.
bool ChainWorker::ensureChain() {
    d->trainer = field_->trainer();
    if (!d->trainer) return false;
    if (d->dataRevision != field_->dataRevision()) {
        const auto xy = d->trainer->dataXY();
        d->data =
            torch::from_blob(const_cast<float*>(xy.data()), {int64_t(xy.size() / 2), 2}).clone();
        d->dataRevision = field_->dataRevision();
        d->basinsDirty = true;
    }
    return bool(d->chain);
}

void ChainWorker::restartUniform(int particles, quint64 seed) {
    d->trainer = field_->trainer();
    if (!d->trainer) return;
    const aelab::Box2D b = d->trainer->grid().box;
    startFrom({});
    d->chain->addParticles(aelab::uniformParticles(particles, b.x0, b.x1, b.y0, b.y1, seed));
    d->measureYardstick();
    d->lastDistance = d->distance();
    d->pendingDistances = {QPointF(0, d->lastDistance)};
    publish(true);
}

void ChainWorker::startFrom(const QVector<QPointF>& points) {
    if (!field_->trainer()) return;
    ensureChain();
    auto start = torch::empty({points.size(), 2});
    for (int i = 0; i < points.size(); ++i) {
        start[i][0] = float(points[i].x());
        start[i][1] = float(points[i].y());
    }
    d->anneal.reset();
    d->chain = std::make_unique<aelab::ChainSampler>(
        [this](const torch::Tensor& x) { return d->denoise(x); }, start, d->run + 7);
    d->chain->setInjection(d->inject);
    ++d->run;
    d->pendingDistances.clear();
    if (!points.isEmpty()) {
        d->lastDistance = d->distance();
        d->pendingDistances = {QPointF(0, d->lastDistance)};
        publish(true);
    }
}

void ChainWorker::startAnnealing(int kind, int particles, int stepsPerLevel, quint64 seed) {
    d->trainer = field_->trainer();
    if (!d->trainer) return;
    ensureChain();
    const aelab::FieldConfig& c = d->trainer->config();
    if (!c.conditional()) {
        emit failed(tr("Annealed sampling needs a noise-conditional model: in the field lab set "
                       "Model to \"noise-conditional r(x, σ)\" and press Reset."));
        return;
    }
    aelab::AnnealSchedule schedule;
    schedule.sigmaMax = c.sigmaMax, schedule.sigmaMin = c.sigmaMin, schedule.levels = c.levels;
    schedule.stepsPerLevel = std::max(1, stepsPerLevel);
    credit_ = 0; // a running chain goes on running, from the new start
    d->chain.reset();
    d->anneal = std::make_unique<aelab::AnnealedSampler>(
        [this](const torch::Tensor& x, double sigma) { return d->denoiseAt(x, sigma); },
        aelab::AnnealKind(kind), schedule,
        aelab::priorParticles(particles, d->data, c.sigmaMax, seed), seed + 1);
    ++d->run;
    d->measureYardstick();
    d->lastDistance = d->distance();
    d->pendingDistances = {QPointF(0, d->lastDistance)};
    publish(true);
}

void ChainWorker::addBurst(const QPointF& at) {
    if (!field_->trainer()) return;
    if (d->anneal) return; // annealing starts from its prior, not from clicks
    if (!ensureChain()) startFrom({});
    const aelab::Box2D b = d->trainer->grid().box;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(++d->burstSeed);
    auto burst = torch::randn({kBurstSize, 2}, gen, torch::kFloat32) * (0.02f * b.width()) +
                 torch::tensor({float(at.x()), float(at.y())});
    d->chain->addParticles(burst);
    d->measureYardstick();
    publish(true);
}

void ChainWorker::setPlaying(bool playing) {
    if (playing == playing_) return;
    playing_ = playing;
    credit_ = 0;
    lastTickMs_ = clock_.elapsed();
    emit playingChanged(playing_);
    if (playing_)
        timer_->start(0);
    else
        timer_->stop();
    publish(true);
}

void ChainWorker::stepOnce() {
    setPlaying(false);
    runSteps(1);
    publish(true);
}

void ChainWorker::setStepsPerSecond(double rate) {
    stepsPerSecond_ = std::clamp(rate, 0.1, 1000.0);
}

void ChainWorker::setInjection(double s) {
    d->inject = std::max(0.0, s);
    if (d->chain) d->chain->setInjection(d->inject);
}

void ChainWorker::setIdealDenoiser(bool ideal) {
    d->ideal = ideal;
    d->basinsDirty = true;
    publish(true);
}

void ChainWorker::setBasinsEnabled(bool on) {
    d->basinsOn = on;
    d->basinsDirty = true;
    publish(true);
}

void ChainWorker::setContoursEnabled(bool on) {
    d->contoursOn = on;
    maybeDensity(true);
    publish(true);
}

// Both densities are kernel estimates on the field's grid with one
// bandwidth, 1.5 cells (log p of docs/references.md §1 at sigma = h), scaled
// by the data's maximum.
void ChainWorker::maybeDensity(bool force) {
    const qint64 now = clock_.elapsed();
    const bool running = d->trainer && (d->chain || d->anneal);
    if (!d->contoursOn || !running) {
        if (density_.isValid() || force) densityFresh_ = true;
        density_ = {};
        return;
    }
    if (!force && now - d->densityAtMs < 150) return;
    d->densityAtMs = now;
    const aelab::GridSpec g = d->trainer->grid();
    const double h = 1.5 * g.box.width() / g.nx;
    const quint64 revision = field_->dataRevision() * 4096 + quint64(g.nx);
    if (revision != d->densityRevision) {
        d->dataLogDensity = aelab::idealFieldOnGrid(d->data, g, h).logDensity;
        d->densityRevision = revision;
    }
    const auto p = d->subsample();
    if (p.size(0) == 0) return;
    const auto top = d->dataLogDensity.max();
    auto toVector = [](const torch::Tensor& t) {
        const auto c = t.to(torch::kFloat32).contiguous();
        return QVector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    };
    density_.box = QRectF(g.box.x0, g.box.y0, g.box.width(), g.box.height());
    density_.nx = g.nx, density_.ny = g.ny, density_.bandwidth = h;
    density_.data = toVector((d->dataLogDensity - top).exp());
    density_.particles = toVector((aelab::idealFieldOnGrid(p, g, h).logDensity - top).exp());
    densityFresh_ = true;
}

void ChainWorker::shutdown() {
    playing_ = false;
    timer_->stop();
}

void ChainWorker::runSteps(int n) {
    if (!ensureChain() && !d->anneal) return;
    if (d->particles().size(0) == 0) return;
    for (int i = 0; i < n; ++i) {
        if (d->anneal) {
            if (d->anneal->done()) {
                setPlaying(false); // the run has reached sigma_min: it stays for study
                break;
            }
            d->anneal->step();
        } else {
            d->chain->step();
        }
        d->lastDistance = d->distance();
        d->pendingDistances.append(QPointF(double(d->steps()), d->lastDistance));
    }
    const auto& x = d->particles();
    if (!torch::isfinite(x).all().item<bool>()) {
        setPlaying(false);
        emit failed(tr("The chain left the finite numbers at step %1; restart it (the model may "
                       "have diverged).")
                        .arg(d->steps()));
    }
}

void ChainWorker::tick() {
    if (!playing_) return;
    const qint64 now = clock_.elapsed();
    credit_ = std::min(credit_ + (now - lastTickMs_) * 1e-3 * stepsPerSecond_, 50.0);
    lastTickMs_ = now;
    const int n = int(credit_);
    credit_ -= n;
    runSteps(n);
    publish(false);
    if (playing_) timer_->start(int(std::max<qint64>(1, kFrameMs - (clock_.elapsed() - now))));
}

void ChainWorker::maybeBasins() {
    if (!d->basinsOn || !d->trainer) return;
    // Recompute when asked, and while training moves the model, at most every 1.5 s.
    const qint64 now = clock_.elapsed();
    const bool modelMoved =
        d->trainer->step() != d->basinsAtModelStep && now - d->basinsAtMs > 1500;
    if (!d->basinsDirty && !modelMoved) return;
    // The exact r* costs a pass over the whole training set per point and
    // step: a coarser grid keeps the worker responsive.
    aelab::GridSpec g = d->trainer->grid();
    if (d->ideal) g.nx = g.ny = std::min(g.nx, 32);
    const aelab::Basins b =
        aelab::computeBasins([this](const torch::Tensor& x) { return d->denoise(x); }, g,
                             kBasinSteps, 0.02f * g.box.width());
    d->basinsDirty = false;
    d->basinsAtModelStep = d->trainer->step();
    d->basinsAtMs = now;
    basins_.box = QRectF(g.box.x0, g.box.y0, g.box.width(), g.box.height());
    basins_.nx = g.nx, basins_.ny = g.ny;
    basins_.label = QVector<int>(b.label.begin(), b.label.end());
    basins_.attractors.clear();
    for (size_t i = 0; i + 1 < b.attractors.size(); i += 2)
        basins_.attractors.append(QPointF(b.attractors[i], b.attractors[i + 1]));
    basinsFresh_ = true;
}

void ChainWorker::publish(bool force) {
    if (!force && awaitingGui_) return;
    if (!ensureChain() && !d->anneal && !d->basinsOn) return;
    maybeBasins();
    maybeDensity(force);
    ChainSnapshot s;
    s.run = d->run;
    s.playing = playing_;
    if (d->chain || d->anneal) {
        s.step = d->steps();
        auto x = d->particles().contiguous();
        s.particles = toPoints(x.data_ptr<float>(), x.size(0));
    }
    s.yardstick = d->yardstick;
    if (d->anneal) {
        s.sigma = d->anneal->sigma();
        s.level = d->anneal->level();
        s.levels = d->anneal->schedule().levels;
        s.annealKind = int(d->anneal->kind());
        s.annealDone = d->anneal->done();
    }
    s.distance = d->lastDistance;
    s.newDistances.swap(d->pendingDistances);
    s.hasDensity = densityFresh_;
    if (s.hasDensity) s.density = density_;
    densityFresh_ = false;
    s.hasBasins = basinsFresh_ || (force && d->basinsOn);
    if (s.hasBasins) s.basins = basins_;
    if (!d->basinsOn) s.hasBasins = true; // an empty basin set switches the layer's data off
    basinsFresh_ = false;
    awaitingGui_ = true;
    emit chainReady(s);
}

void ChainWorker::escapedFailure(const QString& what) {
    setPlaying(false);
    emit failed(
        tr("Stopped: %1. The lab keeps running; change a setting and start again.").arg(what));
}

} // namespace aelab
