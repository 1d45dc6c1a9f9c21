#include "field_lab.h"
#include "chain_worker.h"
#include "field_controls.h"
#include "field_plot.h"
#include "lab_layout.h"
#include "field_worker.h"
#include "loss_chart.h"

#include <QElapsedTimer>
#include <QFileDialog>
#include <QLabel>

FieldLab::FieldLab(QWidget* parent) : QWidget(parent) {
    qRegisterMetaType<FieldSnapshot>();
    qRegisterMetaType<aelab::FieldConfig>();

    plot_ = new FieldPlot(this);
    chart_ = new LossChart(this);
    lossSeries_ = chart_->addSeries(tr("training loss"));
    controls_ = new FieldControls(this);
    banner_ = makeErrorBanner(this);
    layOutLab(this, banner_, plot_, chart_, controls_);

    worker_ = new FieldWorker;
    worker_->moveToThread(&thread_);
    chainWorker_ = new ChainWorker(worker_);
    chainWorker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, chainWorker_, &QObject::deleteLater);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &FieldWorker::snapshotReady, this, &FieldLab::onSnapshot);
    connect(worker_, &FieldWorker::failed, this, [this](const QString& text) {
        banner_->setText(text);
        banner_->show();
        emit errorOccurred(text);
    });
    connect(worker_, &FieldWorker::playingChanged, this, [this](bool on) {
        playing_ = on;
        controls_->setPlaying(on);
    });

    connect(controls_, &FieldControls::configEdited, this, [this](const aelab::FieldConfig& c) {
        if (c.data.kind == aelab::Toy2DKind::Csv && c.data.csvPath.empty()) return chooseCsv();
        banner_->hide();
        QMetaObject::invokeMethod(worker_, "applySettings", Q_ARG(aelab::FieldConfig, c));
    });
    connect(controls_, &FieldControls::playToggled, this, &FieldLab::setPlaying);
    connect(controls_, &FieldControls::stepRequested, this, &FieldLab::stepOnce);
    connect(controls_, &FieldControls::resetRequested, this, &FieldLab::reset);
    connect(controls_, &FieldControls::speedChanged, this, [this](int steps) {
        QMetaObject::invokeMethod(worker_, "setStepsPerFrame", Q_ARG(int, steps));
    });
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

    thread_.setObjectName("field-worker");
    thread_.start();
    QMetaObject::invokeMethod(worker_, "setStepsPerFrame", Q_ARG(int, controls_->stepsPerFrame()));
    reset(false);
}

FieldLab::~FieldLab() {
    // Stop training between batches, then let the thread's event loop end.
    QMetaObject::invokeMethod(chainWorker_, "shutdown", Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(worker_, "shutdown", Qt::BlockingQueuedConnection);
    thread_.requestInterruption();
    thread_.quit();
    thread_.wait();
}

void FieldLab::setPlaying(bool on) {
    QMetaObject::invokeMethod(worker_, "setPlaying", Q_ARG(bool, on));
}

void FieldLab::togglePlaying() {
    setPlaying(!playing_);
}

void FieldLab::stepOnce() {
    QMetaObject::invokeMethod(worker_, "stepOnce");
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
    QMetaObject::invokeMethod(worker_, "reset", Q_ARG(aelab::FieldConfig, c));
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
    QMetaObject::invokeMethod(worker_, "applySettings", Q_ARG(aelab::FieldConfig, c));
}

void FieldLab::onSnapshot(const FieldSnapshot& s) {
    QElapsedTimer clock;
    clock.start();
    if (s.run != last_.run) chart_->clearAll();
    last_ = s;
    plot_->setFieldData(s.view);
    chart_->appendPoints(lossSeries_, s.newLosses);
    controls_->showSnapshot(s);
    plot_->setTitleText(tr("step %1   ·   field fit R² = %2").arg(s.step).arg(s.r2, 0, 'f', 3));
    ++frames_;
    worker_->snapshotConsumed();
    addFrameWork(double(clock.nsecsElapsed()) / 1e6);
}

void FieldLab::addFrameWork(double ms) {
    frameWork_ = std::max(0.0, frameWork_) + ms;
}

void FieldLab::setPresentation(bool on) {
    plot_->setPresentation(on);
    chart_->setPresentation(on);
    controls_->setPresentation(on);
}
