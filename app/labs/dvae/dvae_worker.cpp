#include "datasets/image_set.h"
#include "datasets/image_source.h"
#include "core/training/torch_threads.h"
#include "core/vae/vae_trainer.h"
#include <torch/linalg.h>
#include <torch/types.h>

#include "app/labs/dvae/dvae_worker.h"
#include "app/labkit/image_convert.h"

#include <QTimer>

#include <array>

namespace aelab {

namespace {
constexpr int kTickMs = 15;
constexpr int kTrainBudgetMs = 40;
constexpr int kPublishMs = 80;
constexpr int kViewsMs = 500;       // samples, reconstructions and latents: twice a second
constexpr int kLatentPoints = 1000; // test codes in the latent view
constexpr std::uint64_t kViewSeed = 11;

QString titleOf(const aelab::VaeConfig& c) {
    QString t = QString::fromStdString(aelab::vaeModelTitle(c.model));
    if (aelab::isImportanceWeighted(c.model)) t += QStringLiteral(" k=%1").arg(c.samples);
    if (aelab::isDenoising(c.model))
        t +=
            QStringLiteral(" (%1)").arg(QString::fromStdString(aelab::describeCorruption(c.noise)));
    return t;
}

// 2D view of codes [N, L]: the codes themselves when L <= 2, else their two
// principal axes (SVD of the centred codes).
QVector<QPointF> project(const torch::Tensor& codes, QString* axes) {
    torch::Tensor xy;
    if (codes.size(1) <= 2) {
        xy = codes.size(1) == 2 ? codes : torch::cat({codes, torch::zeros_like(codes)}, 1);
        *axes = QObject::tr("latent dimensions 1 and 2");
    } else {
        auto centred = codes - codes.mean(0, true);
        auto svd = torch::linalg::svd(centred, false, c10::nullopt);
        xy = centred.matmul(std::get<2>(svd).slice(0, 0, 2).t());
        *axes = QObject::tr("principal axes 1 and 2 of %1 dimensions").arg(codes.size(1));
    }
    xy = xy.to(torch::kFloat64).contiguous();
    QVector<QPointF> out;
    const double* p = xy.data_ptr<double>();
    for (int64_t i = 0; i < xy.size(0); ++i)
        out.append(QPointF(p[2 * i], p[2 * i + 1]));
    return out;
}
} // namespace

struct DvaeWorker::State {
    aelab::ImageSet data;
    QString spec; // the data's image source
    bool loaded = false;
    aelab::VaeConfig configs[kDvaeSlots];
    std::array<std::unique_ptr<aelab::VaeTrainer>, kDvaeSlots> trainers;
    torch::Tensor reconImages, latentImages, latentLabels, liveImages;
    quint64 modelId = 0;
    bool training = false, diverged = false;
    QString message;
    QVector<QPointF> trainLoss[kDvaeSlots], testNll[kDvaeSlots], trainElbo[kDvaeSlots];
    double lastTrainElbo[kDvaeSlots] = {0, 0};
    double lastNll[kDvaeSlots] = {0, 0};
    int lastNllK[kDvaeSlots] = {0, 0};
    double nextLive[kDvaeSlots] = {0, 0};
    QElapsedTimer rateClock;
    long long rateSteps = 0;
    double stepsPerSecond = 0;
};

DvaeWorker::DvaeWorker() : d(std::make_unique<State>()) {
    qRegisterMetaType<DvaeSnapshot>();
    qRegisterMetaType<aelab::VaeConfig>();
    d->configs[0].model = aelab::VaeModel::Vae;
    d->configs[1].model = aelab::VaeModel::Dvae;
}

DvaeWorker::~DvaeWorker() = default;

void DvaeWorker::loadData(const QString& spec) {
    if (!timer_) {
        aelab::setTorchThreads(1); // the other core belongs to the GUI
        timer_ = new QTimer(this);
        timer_->setInterval(kTickMs);
        connect(timer_, &QTimer::timeout, this, &DvaeWorker::tick);
        timer_->start();
        sincePublish_.start();
        sinceViews_.start();
    }
    try {
        d->data = aelab::loadImageSource(spec.toStdString());
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
        return; // what was loaded stays
    }
    d->loaded = true;
    d->spec = spec;
    d->reconImages = aelab::evenlySpaced(d->data.test, kDvaeReconCols);
    d->latentImages = aelab::evenlySpaced(d->data.test, kLatentPoints);
    d->latentLabels =
        aelab::evenlySpaced(d->data.testLabels.view({-1, 1, 1, 1}), d->latentImages.size(0))
            .flatten();
    d->liveImages = aelab::evenlySpaced(d->data.test, kLiveImages);
    QStringList classes;
    for (const auto& c : d->data.classNames)
        classes << QString::fromStdString(c);
    emit dataLoaded(tr("%1: %2 training and %3 test images of %4×%5")
                        .arg(QString::fromStdString(d->data.name))
                        .arg(d->data.train.size(0))
                        .arg(d->data.test.size(0))
                        .arg(d->data.width())
                        .arg(d->data.height()),
                    classes);
    resetModels(d->configs[0], d->configs[1]);
}

// The chart starts again: only what happens from now on is drawn.
void DvaeWorker::clearCurves() {
    ++d->modelId;
    for (int s = 0; s < kDvaeSlots; ++s) {
        d->trainLoss[s].clear();
        d->testNll[s].clear();
        d->trainElbo[s].clear();
        d->lastTrainElbo[s] = 0;
        d->lastNll[s] = 0;
        d->nextLive[s] = 0;
    }
    d->diverged = false;
}

void DvaeWorker::resetModels(const aelab::VaeConfig& a, const aelab::VaeConfig& b) {
    d->configs[0] = a;
    d->configs[1] = b;
    if (!d->loaded) return;
    try {
        for (int s = 0; s < kDvaeSlots; ++s)
            d->trainers[size_t(s)] = std::make_unique<aelab::VaeTrainer>(
                d->configs[s].trainImages > 0
                    ? aelab::withTrainingImages(d->data, d->configs[s].trainImages).train
                    : d->data.train,
                d->configs[s]);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    clearCurves();
    publish(true, true);
}

void DvaeWorker::openModels(const QStringList& files, const QStringList& names, int request) {
    if (!d->loaded) { // the lab asks for the data first: it did not load
        emit failed(tr("The models were not opened: their data did not load."));
        return;
    }
    std::array<std::unique_ptr<aelab::VaeTrainer>, kDvaeSlots> opened;
    try {
        for (int s = 0; s < kDvaeSlots && s < files.size(); ++s) {
            const std::string file = files[s].toStdString();
            const aelab::VaeModelInfo info = aelab::VaeTrainer::readModelInfo(file);
            if (QString::fromStdString(info.dataset) != d->spec)
                throw std::runtime_error(file + " was trained on " + info.dataset + ", not on " +
                                         d->spec.toStdString());
            const long long n = info.config.trainImages;
            opened[size_t(s)] = aelab::VaeTrainer::loadModel(
                file, n > 0 ? aelab::withTrainingImages(d->data, n).train : d->data.train);
        }
    } catch (const std::exception& e) {
        emit failed(tr("The models were not opened: %1").arg(e.what()));
        return; // the lab's models stay
    }
    for (int s = 0; s < kDvaeSlots && s < files.size(); ++s) {
        d->trainers[size_t(s)] = std::move(opened[size_t(s)]);
        d->configs[s] = d->trainers[size_t(s)]->config();
    }
    clearCurves();
    // The gap at once: a pretrained model's titles show where it ended.
    for (int s = 0; s < kDvaeSlots; ++s)
        liveNll(s);
    emit modelsOpened(d->configs[0], d->configs[1], names, request);
    publish(true, true);
}

void DvaeWorker::setTraining(bool on) {
    d->training = on;
    d->rateSteps = 0;
    d->rateClock.start();
    if (!on) publish(true, false); // the readouts show where training stopped
}

void DvaeWorker::liveNll(int s) {
    auto& t = *d->trainers[size_t(s)];
    d->lastNll[s] = t.estimateNll(d->liveImages, kLiveK);
    d->lastNllK[s] = kLiveK;
    d->testNll[s].append(QPointF(t.epochs(), d->lastNll[s]));
    // The training side of the gap: the ELBO on the images as trained on.
    d->lastTrainElbo[s] = -t.evaluateTrainBound(1, kLiveImages);
    d->trainElbo[s].append(QPointF(t.epochs(), d->lastTrainElbo[s]));
    d->nextLive[s] = t.epochs() + kLiveEveryEpochs;
}

void DvaeWorker::estimateNll(int k) {
    if (!d->trainers[0]) return;
    QStringList parts;
    const int64_t n = d->data.test.size(0);
    for (int s = 0; s < kDvaeSlots; ++s) {
        auto& t = *d->trainers[size_t(s)];
        const double nll = t.estimateNll(d->data.test, k, -1, [&](int64_t done, int64_t) {
            emit nllProgress(int(s * n + done), int(kDvaeSlots * n));
        });
        d->lastNll[s] = nll;
        d->lastNllK[s] = k;
        d->testNll[s].append(QPointF(t.epochs(), nll));
        parts << tr("%1: %2 nats").arg(titleOf(d->configs[s])).arg(nll, 0, 'f', 2);
    }
    emit nllEstimated(
        tr("Test NLL with K = %1 over %2 test images — %3").arg(k).arg(n).arg(parts.join(" · ")));
    publish(true, false);
}

void DvaeWorker::requestSamples(int slot, int count) {
    if (slot < 0 || slot >= kDvaeSlots || !d->trainers[size_t(slot)]) return;
    emit samplesReady(toImages(d->trainers[size_t(slot)]->sample(count, kViewSeed + 1)));
}

QVariantMap DvaeWorker::checkpoints() {
    QVariantMap out;
    for (int s = 0; s < kDvaeSlots; ++s)
        if (d->trainers[size_t(s)])
            out.insert(s == 0 ? "A" : "B",
                       QByteArray::fromStdString(d->trainers[size_t(s)]->saveState()));
    return out;
}

void DvaeWorker::restoreCheckpoints(const QVariantMap& parts) {
    for (int s = 0; s < kDvaeSlots; ++s) {
        const QString key = s == 0 ? "A" : "B";
        if (!parts.contains(key)) continue;
        try {
            if (!d->trainers[size_t(s)]) throw std::runtime_error("its data did not load");
            d->trainers[size_t(s)]->loadState(parts.value(key).toByteArray().toStdString());
        } catch (const std::exception& e) {
            emit failed(tr("The session's model %1 was not restored: %2").arg(key, e.what()));
        }
    }
    ++d->modelId; // the charts start again from the restored models
    publish(true, true);
}

void DvaeWorker::shutdown() {
    if (timer_) timer_->stop();
    d->training = false;
}

void DvaeWorker::tick() {
    if (!d->training || !d->trainers[0]) return;
    QElapsedTimer budget;
    budget.start();
    // Turns: one step each, so both models get the same budget.
    while (budget.elapsed() < kTrainBudgetMs && !d->diverged) {
        for (int s = 0; s < kDvaeSlots; ++s) {
            auto& t = *d->trainers[size_t(s)];
            const aelab::StepResult r = t.train(1);
            if (r.steps) d->trainLoss[s].append(QPointF(t.epochs(), r.meanLoss));
            d->rateSteps += r.steps;
            if (r.diverged) {
                d->training = false;
                d->diverged = true;
                d->message = tr("%1 diverged (loss %2): its weights went back to step %3. Try a "
                                "lower learning rate.")
                                 .arg(titleOf(d->configs[s]))
                                 .arg(r.badLoss)
                                 .arg(t.step());
            }
        }
    }
    for (int s = 0; s < kDvaeSlots; ++s)
        if (d->trainers[size_t(s)]->epochs() >= d->nextLive[s]) liveNll(s);
    if (d->rateClock.elapsed() > 500) {
        d->stepsPerSecond = double(d->rateSteps) * 1000.0 / double(d->rateClock.elapsed());
        d->rateSteps = 0;
        d->rateClock.start();
    }
    publish(d->diverged, false);
}

void DvaeWorker::publish(bool force, bool views) {
    if (!d->trainers[0] || (!force && sincePublish_.elapsed() < kPublishMs)) return;
    sincePublish_.start();
    views = views || sinceViews_.elapsed() > kViewsMs;
    DvaeSnapshot s;
    s.modelId = d->modelId;
    s.hasViews = views;
    s.stepsPerSecond = d->training ? d->stepsPerSecond : 0;
    for (int k = 0; k < kDvaeSlots; ++k) {
        auto& t = *d->trainers[size_t(k)];
        DvaeSlotView& v = s.slot[k];
        v.title = titleOf(d->configs[k]);
        v.step = t.step();
        v.epochs = t.epochs();
        v.trainLoss.swap(d->trainLoss[k]);
        v.testNll.swap(d->testNll[k]);
        v.trainElbo.swap(d->trainElbo[k]);
        v.lastTrainElbo = d->lastTrainElbo[k];
        v.trainImages = t.trainingImages();
        v.fixedBinarisation = d->configs[k].binarize == aelab::Binarize::Fixed;
        v.lastNll = d->lastNll[k];
        v.lastNllK = d->lastNllK[k];
        if (!views) continue;
        v.samples = toImages(t.sample(kDvaeSamples, kViewSeed));
        // Rows: clean, from clean, the corrupted input, from it (same seed).
        const auto& x = d->reconImages;
        v.recon = toImages(x) + toImages(t.reconstruct(x, false, kViewSeed)) +
                  toImages(t.corrupted(x, kViewSeed)) + toImages(t.reconstruct(x, true, kViewSeed));
        v.latent = project(t.encodeMean(d->latentImages), &v.latentAxes);
        auto labels = d->latentLabels.contiguous();
        for (int64_t i = 0; i < labels.size(0); ++i)
            v.latentClass.append(int(labels[i].item<int64_t>()));
    }
    if (views) sinceViews_.start();
    s.diverged = d->diverged;
    s.message = d->message;
    d->diverged = false;
    emit snapshot(s);
}

void DvaeWorker::escapedFailure(const QString& what) {
    shutdown();
    emit failed(
        tr("Stopped: %1. The lab keeps running; change a setting and start again.").arg(what));
}

} // namespace aelab
