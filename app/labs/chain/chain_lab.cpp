#include "app/labs/chain/chain_lab.h"
#include "app/labs/chain/chain_controls.h"
#include "app/labs/chain/chain_worker.h"
#include "datasets/dataset_error.h"
#include "app/labs/field/field_lab.h"
#include "widgets/field_plot.h"
#include "app/labkit/lab_frame.h"
#include "app/labkit/lab_layout.h"
#include "app/labs/field/field_worker.h"
#include "widgets/loss_chart.h"
#include "datasets/points_csv.h"
#include "app/labkit/thread_handoff.h"

#include <QFileDialog>
#include <QLabel>

namespace aelab {

ChainLab::ChainLab(FieldLab* field, QWidget* parent)
    : QWidget(parent), field_(field), worker_(new ChainWorker(field->fieldWorker())) {
    qRegisterMetaType<ChainSnapshot>();
    // The chain reads the field lab's model, so it runs on that lab's thread.
    field_->workerThread().adopt(worker_);
    plot_ = new FieldPlot(this);
    plot_->setShowLearned(false);
    plot_->setShowIdeal(false);
    plot_->setBurstMode(true);
    chart_ = new LossChart(this);
    // The estimator and its subsample in the legend (the vertical axis is
    // too short for them).
    series_ = chart_->addSeries(tr("energy distance to the data (≤ %1 particles, ≤ %2 points)")
                                    .arg(ChainWorker::kDistanceParticles)
                                    .arg(ChainWorker::kDistanceData));
    yardstickSeries_ = chart_->addSeries(tr("yardstick: a fresh sample of the data"));
    chart_->setValueLabel(tr("distance"));
    chart_->xAxis->setLabel(tr("chain step"));
    controls_ = new ChainControls(this);
    banner_ = makeErrorBanner(this);
    frame_ = layOutLab(this, banner_, plot_, chart_, controls_);
    frame_->setTransport(controls_->transport());

    handoff::connect(worker_, &ChainWorker::chainReady, this, &ChainLab::onChain);
    handoff::connect(worker_, &ChainWorker::failed, this, &ChainLab::showError);
    handoff::connect(worker_, &ChainWorker::playingChanged, this, [this](bool on) {
        playing_ = on;
        controls_->setChainPlaying(on);
    });
    connect(field_->fieldWorker(), &FieldWorker::snapshotReady, this, &ChainLab::onField);
    connect(field_->fieldWorker(), &FieldWorker::playingChanged, controls_,
            &ChainControls::setTrainingPlaying);

    connect(controls_, &ChainControls::restartRequested, this, &ChainLab::restart);
    connect(controls_, &ChainControls::loadStartRequested, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Start the chain from points"), QString(),
                                         tr("CSV points (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty()) loadStart(path);
    });
    connect(controls_, &ChainControls::burstModeToggled, plot_, &FieldPlot::setBurstMode);
    connect(plot_, &FieldPlot::burstRequested, this,
            [this](const QPointF& at) { handoff::post(worker_, &ChainWorker::addBurst, at); });
    connect(controls_, &ChainControls::ruleChanged, this,
            [this](double s) { handoff::post(worker_, &ChainWorker::setInjection, s); });
    connect(controls_, &ChainControls::denoiserChanged, this,
            [this](bool ideal) { handoff::post(worker_, &ChainWorker::setIdealDenoiser, ideal); });
    connect(controls_, &ChainControls::playToggled, this,
            [this](bool on) { handoff::post(worker_, &ChainWorker::setPlaying, on); });
    connect(controls_, &ChainControls::stepRequested, this, &ChainLab::stepOnce);
    connect(controls_, &ChainControls::speedChanged, this,
            [this](double v) { handoff::post(worker_, &ChainWorker::setStepsPerSecond, v); });
    connect(controls_, &ChainControls::trainingToggled, field_, &FieldLab::setPlaying);
    connect(controls_, &ChainControls::layersChanged, this,
            [this](bool d, bool l, bool i, bool basins) {
                plot_->setShowData(d);
                plot_->setShowLearned(l);
                plot_->setShowIdeal(i);
                plot_->setShowBasins(basins);
                handoff::post(worker_, &ChainWorker::setBasinsEnabled, basins);
            });
    connect(controls_, &ChainControls::trailLengthChanged, plot_, &FieldPlot::setTrailLength);
    connect(controls_, &ChainControls::contoursToggled, this,
            [this](bool on) { handoff::post(worker_, &ChainWorker::setContoursEnabled, on); });
    handoff::post(worker_, &ChainWorker::setStepsPerSecond, controls_->stepsPerSecond());
    handoff::post(worker_, &ChainWorker::setInjection, controls_->injection());
}

void ChainLab::togglePlaying() {
    handoff::post(worker_, &ChainWorker::setPlaying, !playing_);
}
void ChainLab::stepOnce() {
    handoff::post(worker_, &ChainWorker::stepOnce);
}

void ChainLab::restart() {
    banner_->hide();
    started_ = true;
    const int anneal = controls_->annealKind();
    if (anneal >= 0)
        handoff::post(worker_, &ChainWorker::startAnnealing, anneal, controls_->particles(),
                      kStepsPerLevel, quint64(1 + restarts_++));
    else
        handoff::post(worker_, &ChainWorker::restartUniform, controls_->particles(),
                      quint64(1 + restarts_++));
}

void ChainLab::loadStart(const QString& path) {
    try {
        const QVector<QPointF> points = toPoints(aelab::readPointsCsv(path.toStdString()));
        banner_->hide();
        started_ = true;
        handoff::post(worker_, &ChainWorker::startFrom, points);
    } catch (const aelab::DatasetError& e) {
        showError(tr("Could not start from %1: %2").arg(path, QString::fromStdString(e.what())));
    }
}

void ChainLab::showError(const QString& text) {
    banner_->setText(text);
    banner_->show();
    emit errorOccurred(text);
}

void ChainLab::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (fieldStale_) onField(lastField_);
    // The first visit starts a chain, so the tab never opens empty.
    if (!started_ && field_->fieldWorker()) restart();
}

void ChainLab::onField(const FieldSnapshot& s) {
    lastField_ = s;
    // Rebuilding arrows for a hidden tab is wasted work; catch up when shown.
    fieldStale_ = !isVisible();
    if (fieldStale_) return;
    plot_->setFieldData(s.view);
    controls_->showModel(s.step, s.r2, s.sigma);
}

void ChainLab::onChain(const ChainSnapshot& s) {
    if (s.run != last_.run) {
        chart_->clearAll();
        plot_->clearParticles();
    }
    // Langevin and the denoising chain jump by about sigma a step: at sigma =
    // 1 their trails would cross the whole plot (and cost 0.5 s a frame to
    // stroke). The deterministic flow keeps its trails: they are its paths.
    const bool jumpy = s.level >= 0 && (s.annealKind == 0 || s.annealKind == 3);
    plot_->setTrailLength(jumpy ? 1 : controls_->trailLength());
    if (s.step != last_.step || s.run != last_.run || s.particles.size() != last_.particles.size())
        plot_->pushParticles(s.particles);
    if (s.hasBasins) plot_->setBasins(s.basins);
    if (s.hasDensity) plot_->setDensityContours(s.density);
    chart_->appendPoints(series_, s.newDistances);
    if (s.yardstick > 0) {
        QVector<QPointF> floor;
        for (const QPointF& p : s.newDistances)
            floor.append(QPointF(p.x(), s.yardstick));
        chart_->appendPoints(yardstickSeries_, floor);
    }
    controls_->showChain(s.step, int(s.particles.size()), s.distance);
    plot_->setTitleText(chainTitle(s));
    last_ = s;
    ++frames_;
    worker_->snapshotConsumed();
}

QString ChainLab::chainTitle(const ChainSnapshot& s) const {
    if (s.level < 0)
        return tr("chain step %1   ·   %2 particles   ·   energy distance %3")
            .arg(s.step)
            .arg(s.particles.size())
            .arg(s.distance, 0, 'f', 3);
    static const char* const kNames[] = {
        QT_TR_NOOP("annealed Langevin"), QT_TR_NOOP("probability flow (Euler)"),
        QT_TR_NOOP("probability flow (Heun)"), QT_TR_NOOP("annealed denoising")};
    // Short enough for a projector's width: the level is what the class follows.
    const QString level =
        s.annealDone
            ? tr("done, denoised at σ_min")
            : tr("σ = %1 (level %2/%3)").arg(s.sigma, 0, 'g', 2).arg(s.level + 1).arg(s.levels);
    return tr("%1   ·   %2   ·   distance %3")
        .arg(tr(kNames[std::clamp(s.annealKind, 0, 3)]), level)
        .arg(s.distance, 0, 'f', 3);
}

void ChainLab::setPresentation(bool on) {
    frame_->setPresentation(on);
    plot_->setPresentation(on);
    chart_->setPresentation(on);
    controls_->setPresentation(on);
}

} // namespace aelab
