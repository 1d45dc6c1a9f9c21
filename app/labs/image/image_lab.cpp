#include "app/labs/image/image_lab.h"
#include "app/labs/image/image_controls.h"
#include "widgets/image_gallery.h"
#include "widgets/image_grid_view.h"
#include "app/labs/image/image_worker.h"
#include "app/labkit/lab_frame.h"
#include "app/labkit/lab_layout.h"
#include "app/labkit/lab_parts.h"
#include "widgets/loss_chart.h"
#include "app/labkit/thread_handoff.h"

#include <QFileDialog>
#include <cmath>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>

namespace aelab {

ImageLab::ImageLab(QWidget* parent)
    : QWidget(parent), thread_("image-lab worker"), worker_(thread_.adopt(new ImageWorker)) {

    controls_ = new ImageControls(this);
    preview_ = new ImageGridView(this);
    preview_->setPlaceholder(tr("Loading data…"));
    samples_ = new ImageGridView(this);
    samples_->setPlaceholder(tr("Chains appear once a model exists."));
    gallery_ = new ImageGallery(this);
    chart_ = new LossChart(this);
    chart_->setValueLabel(tr("loss per pixel"));
    trainSeries_ = chart_->addSeries(tr("training loss"));
    testSeries_ = chart_->addSeries(tr("test loss"));
    banner_ = makeErrorBanner(this);
    status_ = makeStatusLabel(this);

    // Main view: preview over samples; the gallery on its own tab.
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(preview_);
    split->addWidget(samples_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 5);
    views_ = new QTabWidget(this);
    views_->addTab(split, tr("Denoise and sample"));
    views_->addTab(gallery_, tr("Gallery"));
    frame_ = layOutLab(this, banner_, stackOver({status_}, views_, this), chart_, controls_);
    frame_->setTransport(controls_->transport());

    handoff::connect(worker_, &ImageWorker::snapshot, this, &ImageLab::onSnapshot);
    handoff::connect(worker_, &ImageWorker::failed, this, &ImageLab::showError);
    connectBusy(worker_, this, status_);
    handoff::connect(worker_, &ImageWorker::dataLoaded, this,
                     [this](const QString& description, const QStringList& skipped) {
                         description_ = description;
                         showStatus();
                         banner_->hide();
                         if (!skipped.isEmpty())
                             showError(tr("%n file(s) skipped: %1", nullptr, int(skipped.size()))
                                           .arg(skipped.mid(0, 5).join("; ")));
                         requestFirstPage(worker_);
                     });
    connectGallery(worker_, gallery_);

    handoff::connect(worker_, &ImageWorker::modelOpened, this,
                     [this](const aelab::ImageDaeConfig& config, const QString& name, int request) {
                         if (request != openRequest_) return; // New model or data came since
                         controls_->showConfig(config);
                         pretrained_ = name;
                         pretrainedSteps_ = -1; // its snapshot, which follows, says
                     });
    connect(controls_, &ImageControls::dataChosen, this, &ImageLab::forgetPretrained);
    connect(controls_, &ImageControls::dataChosen, this, &ImageLab::loadData);
    connect(controls_, &ImageControls::folderRequested, this, &ImageLab::chooseFolder);
    connect(controls_, &ImageControls::modelResetRequested, this, [this] {
        forgetPretrained();
        handoff::post(worker_, &ImageWorker::resetModel, controls_->config());
    });
    offerPretrained();
    connect(controls_, &ImageControls::liveSettingsChanged, this,
            [this] { handoff::post(worker_, &ImageWorker::applyLive, controls_->config()); });
    connect(controls_, &ImageControls::previewNoiseChanged, this, [this](const QString& spec) {
        handoff::post(worker_, &ImageWorker::setPreviewNoise, spec);
    });
    connect(controls_, &ImageControls::trainingToggled, this,
            [this](bool on) { handoff::post(worker_, &ImageWorker::setTraining, on); });
    connect(controls_, &ImageControls::chainsRestartRequested, this, [this] {
        handoff::post(worker_, &ImageWorker::restartChains, controls_->chainCount(),
                      controls_->chainStart());
    });
    connect(controls_, &ImageControls::chainsPlayToggled, this,
            [this](bool on) { handoff::post(worker_, &ImageWorker::setChainsPlaying, on); });
    connect(controls_, &ImageControls::chainsStepRequested, this,
            [this] { handoff::post(worker_, &ImageWorker::stepChains); });
    connect(controls_, &ImageControls::injectionChanged, this, [this](int mode, double s) {
        handoff::post(worker_, &ImageWorker::setInjection, mode, s);
    });
    connect(controls_, &ImageControls::chainSpeedChanged, this,
            [this](double v) { handoff::post(worker_, &ImageWorker::setChainSpeed, v); });
    // The worker starts with the panel's settings; data loads on first show.
    handoff::post(worker_, &ImageWorker::setInjection, controls_->injectionMode(),
                  controls_->injectionS());
    handoff::post(worker_, &ImageWorker::setChainSpeed, controls_->chainSpeed());
    handoff::post(worker_, &ImageWorker::setPreviewNoise, controls_->noiseSpec());
    handoff::post(worker_, &ImageWorker::resetModel, controls_->config());
}

ImageLab::~ImageLab() {
    thread_.stop();
}

void ImageLab::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Load on first show, so starting the app on another lab costs nothing.
    if (!started_) {
        loadData(controls_->dataSpec());
    }
}

void ImageLab::loadData(const QString& spec) {
    started_ = true;
    handoff::post(worker_, &ImageWorker::loadData, spec);
}

void ImageLab::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of images"));
    if (!dir.isEmpty()) controls_->chooseData("folder:" + dir);
}

void ImageLab::refineFrom(const QVector<QImage>& samples, const QString& from) {
    handoff::post(worker_, &ImageWorker::refineImages, samples, from);
    controls_->setChainsPlaying(true);
}

void ImageLab::toggleTraining() {
    controls_->setTraining(!controls_->isTraining());
}

QWidget* ImageLab::currentView() const {
    return views_->currentIndex() == 1 ? static_cast<QWidget*>(gallery_->grid())
                                       : static_cast<QWidget*>(samples_);
}

void ImageLab::setPresentation(bool on) {
    frame_->setPresentation(on);
    controls_->setPresentation(on);
    chart_->setPresentation(on);
    preview_->setPresentation(on);
    samples_->setPresentation(on);
    setLabelsPresentation({status_}, on);
}

void ImageLab::showError(const QString& text) {
    banner_->setText(text);
    banner_->show();
    emit errorOccurred(text);
}

void ImageLab::onSnapshot(const ImageSnapshot& s) {
    if (s.modelId != modelId_) {
        modelId_ = s.modelId;
        chart_->clearAll(); // keeps the two series, empties them
    }
    if (!s.trainLoss.isEmpty()) chart_->appendPoints(trainSeries_, s.trainLoss);
    if (!s.testLoss.isEmpty()) chart_->appendPoints(testSeries_, s.testLoss);
    if (!s.preview.isEmpty()) {
        preview_->setImages(s.preview, kPreviewColumns,
                            {tr("clean"), tr("corrupted"), tr("reconstructed")});
        preview_->setCaption(tr("noise preview: %1 · reconstructed by the model at step %2")
                                 .arg(s.previewNoise)
                                 .arg(s.step));
    }
    if (!s.samples.isEmpty()) {
        const int columns = int(std::ceil(std::sqrt(double(s.samples.size()))));
        samples_->setImages(s.samples, columns);
    }
    if (s.hasScore)
        samples_->setCaption(tr("chain step %1 · distance to nearest training image %2 (test "
                                "images: %3) · to nearest "
                                "other sample %4 (test images: %5)")
                                 .arg(s.chainStep)
                                 .arg(s.score.nearestTrain, 0, 'f', 3)
                                 .arg(s.reference.nearestTrain, 0, 'f', 3)
                                 .arg(s.score.nearestOther, 0, 'f', 3)
                                 .arg(s.reference.nearestOther, 0, 'f', 3) +
                             (s.hasStartScore
                                  ? tr("\nrefining samples of %1 · at step 0: nearest training "
                                       "image %2, nearest other sample %3")
                                        .arg(s.startLabel)
                                        .arg(s.startScore.nearestTrain, 0, 'f', 3)
                                        .arg(s.startScore.nearestOther, 0, 'f', 3)
                                  : QString()));
    controls_->showProgress(s.step, s.stepsPerSecond, s.chainStep);
    if (s.diverged) {
        controls_->setTraining(false);
        showError(s.message);
    }
    last_ = s;
    if (pretrained_.isEmpty()) return;
    if (pretrainedSteps_ < 0) pretrainedSteps_ = s.step; // the opened model's own
    showStatus();
}

QVariantMap ImageLab::modelStates() const {
    return workerCheckpoints(worker_);
}

void ImageLab::restoreModelStates(const QVariantMap& parts) {
    restoreWorkerCheckpoints(worker_, parts);
}

} // namespace aelab
