#include "app/labs/field/field_worker.h"
#include "datasets/dataset_error.h"
#include "core/field/field_trainer.h"

#include <QTimer>
#include <cmath>
#include <limits>

namespace aelab {

FieldWorker::FieldWorker(QObject* parent) : QObject(parent), timer_(new QTimer(this)) {
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, &FieldWorker::tick);
    clock_.start();
}

FieldWorker::~FieldWorker() = default;

void FieldWorker::reset(const aelab::FieldConfig& config) {
    try {
        auto fresh = std::make_unique<aelab::FieldTrainer>(config);
        trainer_ = std::move(fresh);
    } catch (const std::exception& e) {
        // The previous run (if any) stays as it was.
        emit failed(QStringLiteral("Could not start: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    startRun();
}

void FieldWorker::startRun() {
    ++run_;
    pendingLosses_.clear();
    rateWindow_.clear();
    lastLoss_ = std::numeric_limits<double>::quiet_NaN(); // none until a step (or the chart's)
    timeline_.clear();
    timelineEvery_ = 100;
    rewoundTo_ = -1;
    keepTimeline(true);
    cacheDataPoints();
    publish(true);
    if (playing_) scheduleNext(clock_.elapsed());
}

QByteArray FieldWorker::checkpoint() {
    if (!trainer_) return {};
    const std::string bytes = trainer_->saveBytes();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

void FieldWorker::restore(const QByteArray& bytes, const aelab::FieldConfig& config) {
    try {
        trainer_ = aelab::FieldTrainer::loadBytes(bytes.toStdString(), "in the session");
    } catch (const std::exception& e) {
        emit failed(QStringLiteral("Could not restore the model: %1")
                        .arg(QString::fromStdString(e.what())));
        return;
    }
    try {
        // The archive holds the training set as points; the session's data
        // setting regenerates the same set (seeded) and keeps its name.
        // Painted points live only in the archive: keep them.
        aelab::FieldConfig live = config;
        if (live.data.kind == aelab::Toy2DKind::Painted && live.data.painted.size() < 4)
            live.data = trainer_->config().data;
        trainer_->applyLive(live);
    } catch (const std::exception& e) {
        emit failed(QStringLiteral("The model's own training points are kept: %1")
                        .arg(QString::fromStdString(e.what())));
    }
    restoring_ = true;
    startRun();
    restoring_ = false;
}

QMap<qint64, QByteArray> FieldWorker::timelineArchive(int most) const {
    QMap<qint64, QByteArray> out;
    const long long live = trainer_ ? trainer_->step() : 0;
    std::vector<size_t> before;
    for (size_t i = 0; i < timeline_.size(); ++i)
        if (timeline_[i].first < live) before.push_back(i);
    const size_t n = before.size(), keep = std::min(n, size_t(std::max(0, most)));
    for (size_t k = 0; k < keep; ++k) {
        // Evenly spread, the first and the last included.
        const size_t i = before[keep == 1 ? n - 1 : k * (n - 1) / (keep - 1)];
        out.insert(timeline_[i].first, QByteArray::fromStdString(timeline_[i].second));
    }
    return out;
}

void FieldWorker::restoreTimeline(const QMap<qint64, QByteArray>& kept) {
    if (!trainer_ || kept.isEmpty()) return;
    const long long live = trainer_->step();
    decltype(timeline_) restored;
    for (auto it = kept.begin(); it != kept.end(); ++it)
        if (it.key() < live) restored.emplace_back(it.key(), it.value().toStdString());
    for (auto& entry : timeline_) // the live end startRun() kept
        if (entry.first >= live) restored.push_back(std::move(entry));
    timeline_.swap(restored);
    rewoundTo_ = -1;
    timelineChanged_ = true;
    restoring_ = true; // still the session's state, as restore() published it
    publish(true);
    restoring_ = false;
}

void FieldWorker::rewind(int index) {
    if (!trainer_ || index < 0) return;
    setPlaying(false);
    if (rewoundTo_ < 0) keepTimeline(true); // the live end is a snapshot too
    if (index >= int(timeline_.size())) return;
    const aelab::FieldConfig live = trainer_->config();
    try {
        auto earlier =
            aelab::FieldTrainer::loadBytes(timeline_[size_t(index)].second, "of the timeline");
        earlier->applyLive(live);
        trainer_ = std::move(earlier);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    rewoundTo_ = index;
    // The loss of that step was not kept: the readout shows none, not the live one.
    lastLoss_ = std::numeric_limits<double>::quiet_NaN();
    pendingLosses_.clear();
    rateWindow_.clear();
    cacheDataPoints();
    publish(true);
}

void FieldWorker::keepTimeline(bool force) {
    if (rewoundTo_ >= 0) { // training went on from an earlier snapshot
        timeline_.resize(size_t(rewoundTo_) + 1);
        rewoundTo_ = -1;
        timelineChanged_ = true;
    }
    const long long step = trainer_ ? trainer_->step() : 0;
    if (!trainer_ ||
        (!force && !timeline_.empty() && step < timeline_.back().first + timelineEvery_))
        return;
    if (!timeline_.empty() && timeline_.back().first == step) return;
    timeline_.emplace_back(step, trainer_->saveBytes());
    if (int(timeline_.size()) > kTimelineSize) {
        // Keep the first and every other one after it.
        std::vector<std::pair<long long, std::string>> thinned;
        for (size_t i = 0; i < timeline_.size(); i += 2)
            thinned.push_back(std::move(timeline_[i]));
        timeline_.swap(thinned);
        timelineEvery_ *= 2;
    }
    timelineChanged_ = true;
}

void FieldWorker::applySettings(const aelab::FieldConfig& config) {
    if (!trainer_) return reset(config);
    try {
        if (trainer_->applyLive(config)) {
            cacheDataPoints();
            // Snapshots of the old data would be scored against the new: the
            // timeline starts again here.
            timeline_.clear();
            timelineEvery_ = 100;
            rewoundTo_ = -1;
            keepTimeline(true);
        }
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    publish(true);
}

void FieldWorker::cacheDataPoints() {
    ++dataRevision_;
    dataPoints_ = toPoints(trainer_->dataXY());
}

void FieldWorker::setPlaying(bool playing) {
    if (playing == playing_) return;
    playing_ = playing;
    emit playingChanged(playing_);
    rateWindow_.clear();
    if (playing_)
        timer_->start(0);
    else
        timer_->stop();
    publish(true);
}

void FieldWorker::stepOnce() {
    if (!trainer_) return;
    setPlaying(false);
    trainFrame(1);
    publish(true);
}

void FieldWorker::setStepsPerFrame(int steps) {
    stepsPerFrame_ = std::max(0, steps);
}

void FieldWorker::shutdown() {
    playing_ = false;
    timer_->stop();
}

void FieldWorker::trainFrame(int steps) {
    const auto result = trainer_->train(steps);
    keepTimeline(false);
    if (result.steps > 0) {
        lastLoss_ = result.meanLoss;
        pendingLosses_.append(QPointF(double(trainer_->step()), result.meanLoss));
    }
    if (result.diverged) {
        setPlaying(false);
        emit failed(
            QStringLiteral(
                "Training diverged at step %1: the loss became %2. The weights went back to "
                "the last good snapshot; lower the learning rate (now %3) or σ, then play.")
                .arg(trainer_->step())
                .arg(result.badLoss)
                .arg(double(trainer_->config().learningRate)));
    }
}

void FieldWorker::tick() {
    if (!playing_ || !trainer_) return;
    const qint64 start = clock_.elapsed();
    if (stepsPerFrame_ > 0) {
        trainFrame(stepsPerFrame_);
    } else {
        // As fast as possible: train in small chunks until the frame is used up.
        do
            trainFrame(20);
        while (playing_ && clock_.elapsed() - start < kFrameMs);
    }
    publish(false);
    if (playing_) scheduleNext(start);
}

void FieldWorker::scheduleNext(qint64 frameStartMs) {
    const qint64 used = clock_.elapsed() - frameStartMs;
    timer_->start(stepsPerFrame_ > 0 ? int(std::max<qint64>(0, kFrameMs - used)) : 0);
}

QVector<FieldPanel> FieldWorker::levelPanels() {
    if (!trainer_) return {};
    return aelab::levelPanels(*trainer_);
}

void FieldWorker::publish(bool force) {
    if (!trainer_) return;
    const qint64 now = clock_.elapsed();
    rateWindow_.emplace_back(now, trainer_->step());
    while (rateWindow_.size() > 2 && now - rateWindow_.front().first > 1000)
        rateWindow_.pop_front();
    // Drop this frame if the GUI is still busy with the last one; losses wait.
    if (!force && awaitingGui_) return;

    FieldSnapshot s;
    s.run = run_;
    s.step = trainer_->step();
    s.loss = lastLoss_;
    s.playing = playing_;
    s.restored = restoring_;
    const auto& [t0, s0] = rateWindow_.front();
    s.stepsPerSecond = playing_ && now > t0 ? 1000.0 * double(s.step - s0) / double(now - t0) : 0;
    const aelab::FieldResult result = trainer_->evaluate();
    s.r2 = result.r2;
    s.sigma = trainer_->config().sigma;
    s.conditional = trainer_->config().conditional();
    // One forward pass per level: at most twice a second, or when asked.
    if (s.conditional && (force || now - lastFitMs_ > 500)) {
        for (const aelab::SigmaFit& f : trainer_->fitBySigma())
            s.fitBySigma.append(QPointF(f.sigma, f.r2));
        lastFitMs_ = now;
    }
    s.view = toViewData(result, {});
    s.view.data = dataPoints_;
    s.newLosses.swap(pendingLosses_);
    if (timelineChanged_) {
        for (const auto& kept : timeline_)
            s.timeline.append(kept.first);
        timelineChanged_ = false;
    }
    s.timelinePosition = rewoundTo_;
    awaitingGui_ = true;
    emit snapshotReady(s);
}

void FieldWorker::escapedFailure(const QString& what) {
    setPlaying(false);
    emit failed(
        tr("Stopped: %1. The lab keeps running; change a setting and start again.").arg(what));
}

} // namespace aelab
