#include "datasets/dataset_error.h"
#include "datasets/image_set.h"
#include "datasets/image_source.h"
#include "core/interp/interp_trainer.h"
#include "datasets/lines.h"
#include "core/interp/lines_protocol.h"
#include "core/training/torch_threads.h"
#include <torch/types.h>

#include "app/labkit/gallery_page.h"
#include "app/labkit/image_convert.h"
#include "app/labs/interp/interp_worker_state.h"

#include <QTimer>

#include <array>

namespace aelab {

namespace {
constexpr int kTickMs = 15;
constexpr int kTrainBudgetMs = 40;
constexpr int kPublishMs = 80;
constexpr int kTestEvery = 200;     // steps between test-loss points
constexpr int kScoreEveryMs = 4000; // live benchmark while training

QVector<double> toDoubles(const torch::Tensor& t) {
    QVector<double> out;
    if (!t.defined()) return out;
    auto c = t.to(torch::kFloat64).contiguous();
    out.resize(int(c.numel()));
    std::copy(c.data_ptr<double>(), c.data_ptr<double>() + c.numel(), out.begin());
    return out;
}
} // namespace

InterpWorker::InterpWorker() : d(std::make_unique<State>()) {
    qRegisterMetaType<InterpSnapshot>();
    qRegisterMetaType<aelab::InterpConfig>();
}

InterpWorker::~InterpWorker() = default;

void InterpWorker::ensureTimer() {
    if (timer_) return;
    aelab::setTorchThreads(1); // the other core belongs to the GUI
    timer_ = new QTimer(this);
    timer_->setInterval(kTickMs);
    connect(timer_, &QTimer::timeout, this, &InterpWorker::tick);
    timer_->start();
    sincePublish_.start();
}

void InterpWorker::loadData(const QString& spec) {
    ensureTimer();
    emit busy(tr("Loading %1…").arg(spec));
    aelab::ImageSet set;
    try {
        set = aelab::loadImageSource(spec.toStdString());
        const std::string why = aelab::checkInterpShape(
            aelab::defaultInterpConfig(d->config.model, int(set.height()), int(set.width())),
            int(set.channels()), int(set.height()), int(set.width()));
        if (!why.empty()) throw std::invalid_argument(why);
    } catch (const std::exception& e) {
        emit busy({});
        emit failed(QString::fromStdString(e.what()));
        return; // the previous data and models stay
    }
    d->data = std::move(set);
    d->spec = spec;
    d->loaded = true;
    for (auto& t : d->trainers)
        t.reset();
    d->best.forgetAll();
    // Default ends: two test images from different classes.
    const auto picks = aelab::spreadPicks(d->data.test, 2);
    d->ends[0] = picks.slice(0, 0, 1);
    d->ends[1] = picks.slice(0, 1, 2);
    emit busy({});
    emit dataLoaded(tr("%1: %2 training and %3 test images of %4×%5×%6")
                        .arg(QString::fromStdString(d->data.name))
                        .arg(d->data.train.size(0))
                        .arg(d->data.test.size(0))
                        .arg(d->data.width())
                        .arg(d->data.height())
                        .arg(d->data.channels()),
                    spec);
    selectModel(d->config, true);
}

void InterpWorker::selectModel(const aelab::InterpConfig& requested, bool rebuild) {
    ensureTimer();
    aelab::InterpConfig config = requested;
    d->config = config;
    d->active = int(config.model);
    if (!d->loaded) return;
    // The nets' scales and latent follow the images' size.
    const auto shaped =
        aelab::defaultInterpConfig(config.model, int(d->data.height()), int(d->data.width()));
    config.scales = shaped.scales;
    config.latentChannels = shaped.latentChannels;
    auto& slot = d->trainers[size_t(d->active)];
    if (!slot || rebuild) {
        try {
            slot = std::make_unique<aelab::InterpTrainer>(d->data.train, config);
            d->best.forget(d->active);
        } catch (const std::invalid_argument& e) {
            emit failed(QString::fromStdString(e.what()));
            return;
        }
    } else {
        slot->setLive(config);
    }
    d->restartCharts();
    d->diverged = false;
    d->message.clear();
    publish(true);
}

void InterpWorker::applyLive(const aelab::InterpConfig& config) {
    d->config = config;
    if (auto* t = d->trainer()) t->setLive(config);
}

void InterpWorker::setTraining(bool on) {
    d->training = on;
    d->rateSteps = 0;
    d->rateClock.start();
    if (!on) d->scoresStale = true; // score the model where it stopped
    if (!on) publish(true);
}

void InterpWorker::setCompare(int model) {
    d->compare = model;
    d->framesChanged = true;
    publish(true);
}

void InterpWorker::setSpherical(bool on) {
    d->spherical = on;
    d->framesChanged = true;
    publish(true);
}

void InterpWorker::chooseFromData(int which, int index, bool testSplit) {
    if (!d->loaded || which < 0 || which > 1) return;
    const auto& images = testSplit ? d->data.test : d->data.train;
    if (index < 0 || index >= images.size(0)) return;
    d->ends[which] = images.slice(0, index, index + 1).clone();
    d->framesChanged = true;
    publish(true);
}

void InterpWorker::chooseImage(int which, const QImage& image) {
    if (!d->loaded || which < 0 || which > 1) return;
    if (image.isNull()) {
        emit failed(tr("That file is not an image this program can read."));
        return;
    }
    d->ends[which] =
        fromImage(image, int(d->data.channels()), int(d->data.height()), int(d->data.width()));
    d->framesChanged = true;
    publish(true);
}

void InterpWorker::requestGalleryPage(int page, bool testSplit, int perPage) {
    if (!d->loaded) return;
    const GalleryPage g = aelab::galleryPage(d->data, page, testSplit, perPage);
    emit galleryPage(g.page, g.total, g.images, g.captions);
}

void InterpWorker::shutdown() {
    if (timer_) timer_->stop();
    d->training = false;
}

void InterpWorker::tick() {
    auto* t = d->trainer();
    if (!t || !d->training) return;
    if (d->isLines())
        d->best.maybeObserve(d->active, *t, d->spec.toStdString(), d->linesBenchmark());
    QElapsedTimer budget;
    budget.start();
    while (budget.elapsed() < kTrainBudgetMs) {
        const aelab::StepResult r = t->train(1);
        if (r.steps) {
            d->aeLoss.append(QPointF(double(t->step()), r.meanLoss));
            if (t->hasCritic())
                d->criticLoss.append(QPointF(double(t->step()), t->lastCriticLoss()));
        }
        d->rateSteps += r.steps;
        if (r.diverged) {
            d->training = false;
            d->diverged = true;
            d->message = tr("Training diverged (loss %1): the weights went back to step %2. Try a "
                            "lower learning rate.")
                             .arg(r.badLoss)
                             .arg(t->step());
            break;
        }
    }
    const long long step = t->step();
    if (d->lastTestStep < 0 || step - d->lastTestStep >= kTestEvery) {
        d->testLoss.append(QPointF(double(step), t->evaluateLoss(d->data.test, 500)));
        d->lastTestStep = step;
    }
    d->framesChanged = true;
    if (d->rateClock.elapsed() > 500) {
        d->stepsPerSecond = double(d->rateSteps) * 1000.0 / double(d->rateClock.elapsed());
        d->rateSteps = 0;
        d->rateClock.start();
    }
    publish(d->diverged);
}

void InterpWorker::framesInto(InterpSnapshot& s) {
    auto* t = d->trainer();
    const auto& a = d->ends[0];
    const auto& b = d->ends[1];
    s.hasFrames = true;
    s.endA = toImages(a).value(0);
    s.endB = toImages(b).value(0);
    const auto scrub = t->interpolate(a, b, kScrubFrames, d->spherical);
    const auto strip = t->interpolate(a, b, kStripFrames, d->spherical);
    s.scrub = toImages(scrub);
    s.strip = toImages(strip);
    if (t->hasCritic()) {
        s.scrubCritic = toDoubles(t->criticEstimate(scrub));
        s.stripCritic = toDoubles(t->criticEstimate(strip));
    }
    s.crossfade = toImages(aelab::crossfade(a[0], b[0], kStripFrames));
    if (d->compare >= 0 && d->compare != d->active) {
        auto* other = d->trainers[size_t(d->compare)].get();
        if (other && other->step() > 0) {
            s.compare = toImages(other->interpolate(a, b, kStripFrames, d->spherical));
            s.compareName =
                QString::fromStdString(aelab::modelTitle(aelab::InterpModel(d->compare)));
        }
    }
    if (d->isLines()) {
        const auto n = d->linesBenchmark()->nearest(torch::cat({a, b}) * 2 - 1);
        const auto angles = aelab::rotationAngles(n.angle[0], n.angle[1], kStripFrames);
        s.rotation = toImages((aelab::lineImages(angles) + 1) * 0.5);
    }
}

void InterpWorker::scoreInto(InterpSnapshot& s) {
    s.hasScores = true;
    s.scorePairs = kLivePairs;
    s.scoreStep = d->trainer()->step();
    d->scoresStale = false;
    d->scoreClock.start();
    if (s.scoreStep == 0) return; // untrained: a blank output would score as smooth
    const auto frames = aelab::modelSequences(*d->trainer(), kLivePairs, kStripFrames);
    const aelab::LinesBenchmark& bench = *d->linesBenchmark();
    const aelab::LinesScore score = bench.score(frames);
    const aelab::LinesScore drawn = bench.scoreAsDrawn(frames);
    s.meanDistance = score.meanDistance;
    s.smoothness = score.smoothness;
    s.drawnMeanDistance = drawn.meanDistance;
    s.drawnSmoothness = drawn.smoothness;
    s.frozenPairs = score.frozen;
}

void InterpWorker::keptInto(InterpSnapshot& s) {
    const long long step = d->trainer() ? d->trainer()->step() : 0;
    const KeptBest k = d->best.summary(d->active, step);
    s.bestNext = d->best.nextScoring(d->active);
    s.hasBest = k.any;
    s.bestStep = k.bestStep;
    s.bestFigure = k.bestFigure;
    s.lastCheckStep = k.lastStep;
    s.lastCheckFigure = k.lastFigure;
}

void InterpWorker::publish(bool force) {
    auto* t = d->trainer();
    if (!t || (!force && sincePublish_.elapsed() < kPublishMs)) return;
    sincePublish_.start();
    InterpSnapshot s;
    s.modelId = d->modelId;
    s.model = d->active;
    s.step = t->step();
    s.stepsPerSecond = d->training ? d->stepsPerSecond : 0;
    s.training = d->training;
    s.aeLoss.swap(d->aeLoss);
    s.criticLoss.swap(d->criticLoss);
    s.testLoss.swap(d->testLoss);
    for (size_t m = 0; m < d->trainers.size(); ++m)
        if (d->trainers[m] && d->trainers[m]->step() > 0) s.trainedModels << int(m);
    if (d->framesChanged) {
        framesInto(s);
        d->framesChanged = false;
    }
    // The benchmark decodes 512 frames and searches 10,000 references: every
    // few seconds while training, once when training stops.
    if (d->isLines() &&
        (d->scoresStale || (d->training && d->scoreClock.elapsed() > kScoreEveryMs)))
        scoreInto(s);
    if (d->isLines()) keptInto(s);
    s.diverged = d->diverged;
    s.message = d->message;
    d->diverged = false;
    emit snapshot(s);
}

void InterpWorker::escapedFailure(const QString& what) {
    shutdown();
    emit failed(
        tr("Stopped: %1. The lab keeps running; change a setting and start again.").arg(what));
}

} // namespace aelab
