#include "app/labs/field/field_lab.h"
#include "app/labs/field/field_controls.h"
#include "widgets/field_plot.h"
#include "app/labkit/lab_frame.h"
#include "app/labkit/lab_layout.h"
#include "app/labs/field/field_worker.h"
#include "widgets/fit_by_sigma_chart.h"
#include "widgets/loss_chart.h"
#include "widgets/plot_export.h"
#include "app/labkit/thread_handoff.h"

#include <QElapsedTimer>
#include <cmath>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

namespace aelab {

FieldLab::FieldLab(QWidget* parent)
    : QWidget(parent), thread_("field-worker"), worker_(thread_.adopt(new FieldWorker)) {
    qRegisterMetaType<FieldSnapshot>();
    qRegisterMetaType<aelab::FieldConfig>();

    plot_ = new FieldPlot(this);
    chart_ = new LossChart(this);
    lossSeries_ = chart_->addSeries(tr("training loss"));
    controls_ = new FieldControls(this);
    banner_ = makeErrorBanner(this);
    frame_ = layOutLab(this, banner_, plot_, buildTimeline(), controls_);
    frame_->setTransport(controls_->transport());

    handoff::connect(worker_, &FieldWorker::snapshotReady, this, &FieldLab::onSnapshot);
    handoff::connect(worker_, &FieldWorker::failed, this, [this](const QString& text) {
        banner_->setText(text);
        banner_->show();
        emit errorOccurred(text);
    });
    handoff::connect(worker_, &FieldWorker::playingChanged, this, [this](bool on) {
        playing_ = on;
        controls_->setPlaying(on);
        emit playingChanged(on);
    });

    connect(controls_, &FieldControls::configEdited, this, [this](const aelab::FieldConfig& c) {
        if (c.data.kind == aelab::Toy2DKind::Csv && c.data.csvPath.empty()) return chooseCsv();
        banner_->hide();
        handoff::post(worker_, &FieldWorker::applySettings, c);
    });
    connect(controls_, &FieldControls::playToggled, this, &FieldLab::setPlaying);
    connect(controls_, &FieldControls::stepRequested, this, &FieldLab::stepOnce);
    connect(controls_, &FieldControls::resetRequested, this, &FieldLab::reset);
    connect(controls_, &FieldControls::speedChanged, this,
            [this](int steps) { handoff::post(worker_, &FieldWorker::setStepsPerFrame, steps); });
    connect(controls_, &FieldControls::layersChanged, this,
            [this](bool d, bool l, bool i, int heat) {
                plot_->setShowData(d);
                plot_->setShowLearned(l);
                plot_->setShowIdeal(i);
                plot_->setHeatMap(FieldPlot::HeatMap(heat));
            });
    connect(controls_, &FieldControls::paintModeToggled, plot_, &FieldPlot::setPaintMode);
    connect(controls_, &FieldControls::clearPaintedRequested, plot_, &FieldPlot::clearPainted);
    connect(controls_, &FieldControls::loadCsvRequested, this, &FieldLab::chooseCsv);
    connect(plot_, &FieldPlot::paintedPointsChanged, controls_, &FieldControls::setPaintedPoints);

    // Frame timing: the replots a snapshot queues, then the field's paint.
    connect(plot_, &QCustomPlot::afterReplot, this, [this] { addFrameWork(plot_->replotTime()); });
    connect(chart_, &QCustomPlot::afterReplot, this,
            [this] { addFrameWork(chart_->replotTime()); });
    connect(plot_, &FieldPlot::painted, this, [this](double ms) {
        if (frameWork_ < 0) return;
        addFrameWork(ms);
        if (frameMs_.size() == 512) frameMs_.erase(frameMs_.begin());
        frameMs_.push_back(frameWork_);
        frameWork_ = -1;
    });

    handoff::post(worker_, &FieldWorker::setStepsPerFrame, controls_->stepsPerFrame());
    reset(false);
}

FieldLab::~FieldLab() {
    // Stop training between batches, then let the thread's event loop end.
    thread_.stop();
}

void FieldLab::setPlaying(bool on) {
    handoff::post(worker_, &FieldWorker::setPlaying, on);
}

void FieldLab::togglePlaying() {
    setPlaying(!playing_);
}

void FieldLab::stepOnce() {
    handoff::post(worker_, &FieldWorker::stepOnce);
}

void FieldLab::reset(bool newSeed) {
    aelab::FieldConfig c = controls_->config();
    if (newSeed) {
        c.seed += 1;
        c.data.seed = c.seed;
        controls_->setConfig(c);
    }
    if (c.data.kind == aelab::Toy2DKind::Csv && c.data.csvPath.empty()) return chooseCsv();
    banner_->hide();
    controls_->setRunningConfig(c);
    handoff::post(worker_, &FieldWorker::reset, c);
}

void FieldLab::chooseCsv() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load points"), QString(), tr("CSV points (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty()) loadCsv(path);
}

void FieldLab::loadCsv(const QString& path) {
    aelab::FieldConfig c = controls_->config();
    c.data.kind = aelab::Toy2DKind::Csv;
    c.data.csvPath = path.toStdString();
    controls_->setConfig(c);
    banner_->hide();
    handoff::post(worker_, &FieldWorker::applySettings, c);
}

void FieldLab::onSnapshot(const FieldSnapshot& s) {
    QElapsedTimer clock;
    clock.start();
    if (s.run != last_.run) {
        chart_->clearAll();
        if (s.restored) {
            // A painted set comes back from the session's model.
            const aelab::FieldConfig c = controls_->config();
            if (c.data.kind == aelab::Toy2DKind::Painted && c.data.painted.size() < 4)
                controls_->setPaintedPoints(s.view.data);
            chart_->appendPoints(lossSeries_, pendingHistory_);
            pendingHistory_.clear();
        }
    }
    last_ = s;
    plot_->setFieldData(s.view);
    // Training that went on from an earlier snapshot replaces the later curve.
    if (!s.newLosses.isEmpty()) chart_->removeAfter(s.newLosses.first().x() - 0.5);
    chart_->appendPoints(lossSeries_, s.newLosses);
    showTimeline(s);
    if (std::isfinite(s.loss)) {
        controls_->showSnapshot(s);
    } else {
        // A rewound or restored step: its loss is the curve's at that step.
        FieldSnapshot shown = s;
        for (const QPointF& p : chart_->points(lossSeries_))
            if (p.x() <= double(s.step)) shown.loss = p.y();
        controls_->showSnapshot(shown);
    }
    showConditional(s);
    ++frames_;
    worker_->snapshotConsumed();
    addFrameWork(double(clock.nsecsElapsed()) / 1e6);
}

// The title, and for a noise-conditional model the level shown and the fit
// across the ladder.
void FieldLab::showConditional(const FieldSnapshot& s) {
    fitChart_->setVisible(s.conditional);
    if (s.conditional) {
        if (!s.fitBySigma.isEmpty()) fitChart_->setFits(s.step ? s.fitBySigma : QVector<QPointF>());
        fitChart_->setCurrentSigma(s.sigma);
    }
    const QString level =
        s.conditional ? tr("r(x, σ) at σ = %1   ·   ").arg(s.sigma, 0, 'g', 3) : QString();
    plot_->setTitleText(
        s.step ? tr("%1step %2   ·   field fit R² = %3").arg(level).arg(s.step).arg(s.r2, 0, 'f', 3)
               : tr("%1step 0   ·   field fit R² = –   ·   press Space to train").arg(level));
}

void FieldLab::addFrameWork(double ms) {
    frameWork_ = std::max(0.0, frameWork_) + ms;
}

void FieldLab::cleanSlate() {
    controls_->endPainting();
    plot_->clearPainted();
    plot_->resetView();
}

void FieldLab::setPresentation(bool on) {
    frame_->setPresentation(on);
    QFont f = font();
    if (on) f.setPointSizeF(f.pointSizeF() * 1.6);
    timelineTitle_->setFont(f);
    timelineLabel_->setFont(f);
    timelineLabel_->setMinimumWidth(
        QFontMetrics(f).horizontalAdvance(tr("snapshot 888 of 888 (step 8888888)")));
    plot_->setPresentation(on);
    chart_->setPresentation(on);
    fitChart_->setPresentation(on);
    controls_->setPresentation(on);
}

QWidget* FieldLab::buildTimeline() {
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* charts = new QHBoxLayout;
    charts->addWidget(chart_, 1);
    fitChart_ = new FitBySigmaChart(box);
    fitChart_->setObjectName("fitBySigmaChart");
    fitChart_->hide(); // shown for a noise-conditional model
    charts->addWidget(fitChart_, 1);
    layout->addLayout(charts, 1);
    auto* row = new QHBoxLayout;
    timelineTitle_ = new QLabel(tr("Timeline"), box);
    auto* title = timelineTitle_;
    timeline_ = new QSlider(Qt::Horizontal, box);
    timeline_->setToolTip(
        tr("Weight snapshots kept during training. Drag back to see the field at that step; "
           "press Play or Step to continue training from the snapshot shown (the later ones "
           "are then dropped)."));
    timeline_->setRange(0, 0);
    timelineLabel_ = new QLabel(box);
    // As wide as its longest text, so the slider keeps its width as it changes.
    timelineLabel_->setMinimumWidth(
        timelineLabel_->fontMetrics().horizontalAdvance(tr("snapshot 888 of 888 (step 8888888)")));
    row->addWidget(title);
    row->addWidget(timeline_, 1);
    row->addWidget(timelineLabel_);
    layout->addLayout(row);
    connect(timeline_, &QSlider::valueChanged, this,
            [this](int index) { handoff::post(worker_, &FieldWorker::rewind, index); });
    return box;
}

void FieldLab::showTimeline(const FieldSnapshot& s) {
    if (!s.timeline.isEmpty()) timelineSteps_ = s.timeline;
    const int last = int(timelineSteps_.size()) - 1;
    const int at = s.timelinePosition < 0 ? last : s.timelinePosition;
    if (!timeline_->isSliderDown()) {
        const QSignalBlocker quiet(timeline_);
        timeline_->setRange(0, std::max(0, last));
        timeline_->setValue(at);
    }
    timelineLabel_->setText(
        s.timelinePosition < 0
            ? tr("%n snapshot(s), live", "", int(timelineSteps_.size()))
            : tr("snapshot %1 of %2 (step %3)").arg(at + 1).arg(last + 1).arg(s.step));
}

bool FieldLab::exportLevels(const QString& path, QString* error) const {
    const QVector<FieldPanel> panels = handoff::call(worker_, &FieldWorker::levelPanels);
    if (panels.isEmpty()) {
        *error = tr("Only a noise-conditional model has levels to show: set Model to "
                    "noise-conditional and press Reset.");
        return false;
    }
    return exportImage(renderFieldMultiples(panels, 640), path, error);
}

QByteArray FieldLab::modelBytes() const {
    QByteArray bytes;
    bytes = handoff::call(worker_, &FieldWorker::checkpoint);
    return bytes;
}

QVector<QPointF> FieldLab::lossHistory() const {
    return chart_->points(lossSeries_);
}

QMap<qint64, QByteArray> FieldLab::timelineArchive() const {
    return handoff::call(worker_, &FieldWorker::timelineArchive, kSessionSnapshots);
}

void FieldLab::restoreTimeline(const QMap<qint64, QByteArray>& kept) {
    handoff::post(worker_, &FieldWorker::restoreTimeline, kept);
}

void FieldLab::restoreModel(const QByteArray& bytes, const QVector<QPointF>& lossHistory) {
    banner_->hide();
    pendingHistory_ = lossHistory;
    aelab::FieldConfig c = controls_->config();
    controls_->setRunningConfig(c);
    handoff::post(worker_, &FieldWorker::restore, bytes, c);
}

} // namespace aelab
