#include "core/sampling/chain_sampler.h"
#include "core/training/corruption.h"
#include "datasets/dataset_error.h"
#include "core/image/image_dae_trainer.h"
#include "datasets/image_source.h"
#include "core/metrics/sample_score.h"
#include "core/training/torch_threads.h"
#include <ATen/CPUGeneratorImpl.h>
#include <torch/types.h>

#include "app/labkit/gallery_page.h"
#include "app/labkit/image_convert.h"
#include "app/labs/image/image_worker.h"

#include <QTimer>

namespace aelab {

namespace {
constexpr int kTickMs = 15;
constexpr int kTrainBudgetMs = 40; // per tick, so chain steps and requests interleave
constexpr int kPublishMs = 60;
constexpr int kTestEvery = 200; // steps between test-loss points
constexpr std::uint64_t kPreviewSeed = 77;
} // namespace

struct ImageWorker::State {
    aelab::ImageSet data;
    QString spec; // the data's image source
    bool loaded = false;
    aelab::ImageDaeConfig config;
    std::unique_ptr<aelab::ImageDaeTrainer> trainer;
    std::unique_ptr<aelab::ChainSampler> chain;
    quint64 modelId = 0;
    bool training = false, chainsPlaying = false;
    double chainSpeed = 10;
    double chainCredit = 0;
    int injectMode = int(ChainInjection::TrainingCorruption);
    double injectS = 0.2;
    int chainCount = 64, chainStart = int(ChainStart::UniformNoise);
    aelab::CorruptionSpec previewNoise;
    torch::Tensor previewClean;
    QVector<QPointF> trainLoss, testLoss;
    long long lastTestStep = -1;
    QElapsedTimer rateClock;
    long long rateSteps = 0;
    double stepsPerSecond = 0;
    bool chainsChanged = true, previewChanged = true;
    QString message;
    bool diverged = false;
    ImageScore score, reference;
    bool hasScore = false, hasReference = false;
    ImageScore startScore;
    bool hasStartScore = false;
    QString startLabel;
    QElapsedTimer scoreClock;

    void applyInjection() {
        if (!chain) return;
        chain->setInjector({});
        chain->setInjection(0);
        if (injectMode == int(ChainInjection::TrainingCorruption))
            chain->setInjector(trainer->trainingCorruption());
        else if (injectMode == int(ChainInjection::Gaussian))
            chain->setInjection(injectS);
    }
};

ImageWorker::ImageWorker() : d(std::make_unique<State>()) {
    qRegisterMetaType<ImageSnapshot>();
    qRegisterMetaType<aelab::ImageDaeConfig>();
    d->previewNoise = d->config.noise;
}

ImageWorker::~ImageWorker() = default;

void ImageWorker::ensureTimer() {
    if (timer_) return;
    // One Torch thread here: the other core belongs to the GUI.
    aelab::setTorchThreads(1);
    timer_ = new QTimer(this);
    timer_->setInterval(kTickMs);
    connect(timer_, &QTimer::timeout, this, &ImageWorker::tick);
    timer_->start();
    sincePublish_.start();
}

void ImageWorker::loadData(const QString& spec) {
    ensureTimer();
    emit busy(tr("Loading %1…").arg(spec));
    try {
        aelab::ImageSet set = aelab::loadImageSource(spec.toStdString());
        d->data = std::move(set);
    } catch (const std::exception& e) {
        emit busy({});
        emit failed(QString::fromStdString(e.what()));
        return; // the previous data and model stay
    }
    d->loaded = true;
    d->spec = spec;
    d->hasReference = false;
    d->previewClean = aelab::evenlySpaced(d->data.test, kPreviewColumns);
    QStringList skipped;
    for (const auto& s : d->data.skipped)
        skipped << QString::fromStdString(s);
    const QString description = tr("%1: %2 training and %3 test images of %4×%5×%6")
                                    .arg(QString::fromStdString(d->data.name))
                                    .arg(d->data.train.size(0))
                                    .arg(d->data.test.size(0))
                                    .arg(d->data.width())
                                    .arg(d->data.height())
                                    .arg(d->data.channels());
    emit busy({});
    emit dataLoaded(description, skipped);
    resetModel(d->config);
}

void ImageWorker::resetModel(const aelab::ImageDaeConfig& config) {
    ensureTimer();
    d->config = config;
    if (!d->loaded) return;
    try {
        d->trainer = std::make_unique<aelab::ImageDaeTrainer>(d->data.train, config);
    } catch (const std::invalid_argument& e) {
        d->trainer.reset();
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    beginModel();
}

void ImageWorker::openModel(const QString& file, const QString& name, int request) {
    if (!d->loaded) { // the lab asks for the data first: it did not load
        emit failed(tr("The model was not opened: its data did not load."));
        return;
    }
    std::unique_ptr<aelab::ImageDaeTrainer> opened;
    try {
        const aelab::ImageDaeModelInfo info =
            aelab::ImageDaeTrainer::readModelInfo(file.toStdString());
        if (QString::fromStdString(info.dataset) != d->spec)
            throw std::runtime_error(file.toStdString() + " was trained on " + info.dataset +
                                     ", not on " + d->spec.toStdString());
        opened = aelab::ImageDaeTrainer::loadModel(file.toStdString(), d->data.train);
    } catch (const std::exception& e) {
        emit failed(tr("The model was not opened: %1").arg(e.what()));
        return; // the lab's model stays
    }
    d->trainer = std::move(opened);
    d->config = d->trainer->config();
    emit modelOpened(d->config, name, request);
    beginModel();
}

// A new model in the lab (built or opened): its curves, rate and chains
// start again.
void ImageWorker::beginModel() {
    ++d->modelId;
    d->trainLoss.clear();
    d->testLoss.clear();
    d->lastTestStep = -1;
    d->rateSteps = 0;
    d->rateClock.start();
    d->diverged = false;
    d->message.clear();
    restartChains(d->chainCount, d->chainStart);
    d->previewChanged = true;
    publish(true);
}

void ImageWorker::applyLive(const aelab::ImageDaeConfig& config) {
    d->config.noise = config.noise;
    d->config.learningRate = config.learningRate;
    d->config.batch = config.batch;
    if (d->trainer) d->trainer->setLive(config.noise, config.learningRate, config.batch);
}

void ImageWorker::setTraining(bool on) {
    d->training = on;
    d->rateSteps = 0;
    d->rateClock.start();
    if (on) d->diverged = false;
    if (!on) publish(true); // the readouts show where training stopped
}

void ImageWorker::restartChains(int count, int start) {
    if (std::max(1, count) != d->chainCount) d->hasReference = false;
    d->chainCount = std::max(1, count);
    d->chainStart = start;
    d->hasScore = false;
    d->hasStartScore = false;
    if (!d->trainer) return;
    const std::uint64_t seed = d->config.seed + 1000 + d->modelId;
    const torch::Tensor x0 = aelab::chainStartImages(*d->trainer, d->data.test, d->chainCount,
                                                     start == int(ChainStart::CorruptedTest), seed);
    d->chain = std::make_unique<aelab::ChainSampler>(d->trainer->denoiser(), x0, seed + 1);
    d->applyInjection();
    d->chainsChanged = true;
    publish(true);
}

void ImageWorker::refineImages(const QVector<QImage>& images, const QString& from) {
    if (!d->trainer || images.isEmpty()) return;
    std::vector<torch::Tensor> parts;
    for (const QImage& img : images)
        parts.push_back(
            fromImage(img, int(d->data.channels()), int(d->data.height()), int(d->data.width())));
    const torch::Tensor x0 = torch::cat(parts);
    if (x0.size(0) != d->chainCount) d->hasReference = false;
    d->chainCount = int(x0.size(0));
    const auto sc = aelab::scoreSamples(x0, d->data.train);
    d->startScore = {sc.nearestTrain, sc.nearestOther};
    d->hasStartScore = true;
    d->startLabel = from;
    d->hasScore = false;
    d->chain = std::make_unique<aelab::ChainSampler>(d->trainer->denoiser(), x0,
                                                     d->config.seed + 2000 + d->modelId);
    d->applyInjection();
    d->chainsChanged = true;
    publish(true);
}

void ImageWorker::setChainsPlaying(bool on) {
    d->chainsPlaying = on;
    d->chainCredit = 0;
}

void ImageWorker::stepChains() {
    if (!d->chain) return;
    d->chain->step();
    d->chainsChanged = true;
    publish(true);
}

void ImageWorker::setInjection(int mode, double s) {
    d->injectMode = mode;
    d->injectS = s;
    d->applyInjection();
}

void ImageWorker::setChainSpeed(double stepsPerSecond) {
    d->chainSpeed = std::max(0.1, stepsPerSecond);
}

void ImageWorker::setPreviewNoise(const QString& spec) {
    if (auto s = aelab::parseCorruption(spec.toStdString())) {
        d->previewNoise = *s;
        d->previewChanged = true;
        publish(false);
    }
}

void ImageWorker::requestGalleryPage(int page, bool testSplit, int perPage) {
    if (!d->loaded) return;
    const GalleryPage g = aelab::galleryPage(d->data, page, testSplit, perPage);
    emit galleryPage(g.page, g.total, g.images, g.captions);
}

QVariantMap ImageWorker::checkpoints() {
    QVariantMap out;
    if (d->trainer) out.insert("model", QByteArray::fromStdString(d->trainer->saveState()));
    return out;
}

void ImageWorker::restoreCheckpoints(const QVariantMap& parts) {
    if (!parts.contains("model")) return;
    try {
        if (!d->trainer) throw std::runtime_error("its data did not load");
        d->trainer->loadState(parts.value("model").toByteArray().toStdString());
    } catch (const std::exception& e) {
        emit failed(tr("The session's image DAE was not restored: %1").arg(e.what()));
        return;
    }
    publish(true);
}

void ImageWorker::shutdown() {
    if (timer_) timer_->stop();
    d->training = d->chainsPlaying = false;
}

void ImageWorker::tick() {
    if (!d->trainer) return;
    if (d->training) {
        QElapsedTimer budget;
        budget.start();
        while (budget.elapsed() < kTrainBudgetMs) {
            const aelab::StepResult r = d->trainer->train(5);
            if (r.steps) d->trainLoss.append(QPointF(double(d->trainer->step()), r.meanLoss));
            d->rateSteps += r.steps;
            if (r.diverged) {
                d->training = false;
                d->diverged = true;
                d->message =
                    tr("Training diverged (loss %1): the weights went back to step %2. Try a lower "
                       "learning rate.")
                        .arg(r.badLoss)
                        .arg(d->trainer->step());
                break;
            }
        }
        const long long step = d->trainer->step();
        if (d->lastTestStep < 0 || step - d->lastTestStep >= kTestEvery) {
            d->testLoss.append(QPointF(double(step), d->trainer->evaluateLoss(d->data.test, 500)));
            d->lastTestStep = step;
        }
        d->previewChanged = true;
        if (d->rateClock.elapsed() > 500) {
            d->stepsPerSecond = d->rateSteps * 1000.0 / double(d->rateClock.elapsed());
            d->rateSteps = 0;
            d->rateClock.start();
        }
    }
    if (d->chainsPlaying && d->chain) {
        d->chainCredit += d->chainSpeed * kTickMs / 1000.0;
        for (int i = 0; d->chainCredit >= 1 && i < 5; ++i, d->chainCredit -= 1)
            d->chain->step();
        d->chainCredit = std::min(d->chainCredit, 1.0);
        d->chainsChanged = true;
    }
    publish(d->diverged);
}

void ImageWorker::publish(bool force) {
    if (!d->trainer || (!force && sincePublish_.elapsed() < kPublishMs)) return;
    sincePublish_.start();
    ImageSnapshot s;
    s.modelId = d->modelId;
    s.step = d->trainer->step();
    s.stepsPerSecond = d->training ? d->stepsPerSecond : 0;
    s.trainLoss.swap(d->trainLoss);
    s.testLoss.swap(d->testLoss);
    if (d->previewChanged) {
        auto gen = at::make_generator<at::CPUGeneratorImpl>(kPreviewSeed);
        auto noisy = aelab::corrupt(d->previewClean, d->previewNoise, gen);
        s.preview =
            toImages(d->previewClean) + toImages(noisy) + toImages(d->trainer->reconstruct(noisy));
        s.previewNoise = QString::fromStdString(aelab::describeCorruption(d->previewNoise));
        d->previewChanged = false;
    }
    if (d->chain && d->chainsChanged) {
        const auto& x = d->chain->particles();
        s.samples = toImages(x);
        d->chainsChanged = false;
        // The score compares every sample with every training image: a few
        // times a second is plenty, and keeps the worker's time for steps.
        if (!d->hasScore || !d->scoreClock.isValid() || d->scoreClock.elapsed() > 300 ||
            !d->chainsPlaying) {
            const auto sc = aelab::scoreSamples(x, d->data.train);
            d->score = {sc.nearestTrain, sc.nearestOther};
            d->hasScore = true;
            d->scoreClock.start();
        } else {
            d->chainsChanged = true; // score again on a later publish
        }
        if (!d->hasReference) {
            const auto ref =
                aelab::scoreSamples(aelab::evenlySpaced(d->data.test, x.size(0)), d->data.train);
            d->reference = {ref.nearestTrain, ref.nearestOther};
            d->hasReference = true;
        }
    }
    s.score = d->score;
    s.reference = d->reference;
    s.hasScore = d->hasScore;
    s.startScore = d->startScore;
    s.hasStartScore = d->hasStartScore;
    s.startLabel = d->startLabel;
    s.chainStep = d->chain ? d->chain->steps() : 0;
    s.chainsRunning = d->chainsPlaying;
    s.diverged = d->diverged;
    s.message = d->message;
    d->diverged = false;
    emit snapshot(s);
}

void ImageWorker::escapedFailure(const QString& what) {
    shutdown();
    emit failed(
        tr("Stopped: %1. The lab keeps running; change a setting and start again.").arg(what));
}

} // namespace aelab
