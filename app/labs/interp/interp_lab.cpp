#include "app/labs/interp/interp_lab.h"
#include "widgets/alpha_chart.h"
#include "widgets/image_gallery.h"
#include "widgets/image_grid_view.h"
#include "app/labs/interp/interp_controls.h"
#include "app/labs/interp/interp_worker.h"
#include "app/labkit/lab_frame.h"
#include "app/labkit/lab_layout.h"
#include "app/labkit/lab_parts.h"
#include "widgets/loss_chart.h"
#include "app/labkit/thread_handoff.h"

#include <QBuffer>
#include <QFileDialog>
#include <QJsonArray>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

namespace aelab {

InterpLab::InterpLab(QWidget* parent)
    : QWidget(parent), thread_("interpolation-lab worker"),
      worker_(thread_.adopt(new InterpWorker)) {

    controls_ = new InterpControls(this);
    gallery_ = new ImageGallery(this);
    strip_ = new ImageGridView(this);
    strip_->setPlaceholder(tr("Loading data…"));
    lossChart_ = new LossChart(this);
    lossChart_->setValueLabel(tr("loss"));
    aeSeries_ = lossChart_->addSeries(tr("autoencoder loss"));
    criticSeries_ = lossChart_->addSeries(tr("critic loss"));
    testSeries_ = lossChart_->addSeries(tr("test reconstruction error"));
    alphaChart_ = new AlphaChart(this);
    banner_ = makeErrorBanner(this);
    status_ = makeStatusLabel(this);
    scores_ = makeStatusLabel(this);
    scores_->setTextFormat(Qt::RichText);
    pretrained_ = makeStatusLabel(this);
    pretrained_->setTextFormat(Qt::RichText);
    pretrained_->hide();

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(buildScrubPanel());
    top->addWidget(gallery_);
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);
    split_ = new QSplitter(Qt::Vertical);
    auto* split = split_;
    split->addWidget(top);
    split->addWidget(strip_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({360, 320}); // the strip needs room for up to four rows of 16 frames
    auto* charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(lossChart_);
    charts->addWidget(alphaChart_);
    frame_ = layOutLab(this, banner_, stackOver({status_, pretrained_, scores_}, split, this),
                       charts, controls_);
    frame_->setTransport(controls_->transport());

    handoff::connect(worker_, &InterpWorker::snapshot, this, &InterpLab::onSnapshot);
    handoff::connect(worker_, &InterpWorker::failed, this, &InterpLab::showError);
    connectBusy(worker_, this, status_);
    handoff::connect(worker_, &InterpWorker::dataLoaded, this,
                     [this](const QString& description, const QString& spec) {
                         controls_->showData(spec);
                         status_->setText(description);
                         banner_->hide();
                         scores_->clear();
                         scored_ = {};
                         requestFirstPage(worker_);
                     });
    handoff::connect(worker_, &InterpWorker::modelLoaded, this,
                     [this](const aelab::InterpConfig& c) {
                         controls_->showConfig(c);
                         banner_->hide();
                         notePretrainedLoaded(int(c.model));
                     });
    handoff::connect(
        worker_, &InterpWorker::restoredBest, this, [this](long long step, double figure) {
            status_->setText(tr("Back at step %1, the best of this run (figure %2 on the "
                                "validation pairs). Its batches come again in the same order: "
                                "lower the learning rate before training on, or it may run "
                                "away at the same place.")
                                 .arg(step)
                                 .arg(figure, 0, 'f', 3));
        });
    handoff::connect(worker_, &InterpWorker::saved, this, [this](const QString& path) {
        status_->setText(tr("Model saved to %1").arg(path));
    });
    connectGallery(worker_, gallery_);
    connect(gallery_, &ImageGallery::imageChosen, this, [this](int index, bool test) {
        handoff::post(worker_, &InterpWorker::chooseFromData, nextWhich_, index, test);
        chosen_[nextWhich_] = {index, test, {}};
        nextWhich_ = 1 - nextWhich_;
        nextEnd_->setText(tr("A gallery click sets image <b>%1</b>.").arg(nextWhich_ ? "B" : "A"));
    });
    connectControls();
    offerPretrained();
}

QWidget* InterpLab::buildScrubPanel() {
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    ends_ = new ImageGridView(panel);
    ends_->setMaximumHeight(110);
    current_ = new ImageGridView(panel);
    current_->setPlaceholder(tr("The decoded image at α appears here."));
    slider_ = new QSlider(Qt::Horizontal, panel);
    slider_->setRange(0, kScrubFrames - 1);
    slider_->setValue(kScrubFrames / 2);
    slider_->setToolTip(tr("Scrub α from 0 (image A) to 1 (image B): the decoder's image of "
                           "(1 − α)z_A + αz_B. Arrow keys step by 0.01."));
    alphaLabel_ = new QLabel(panel);
    alphaLabel_->setAlignment(Qt::AlignCenter);
    nextEnd_ = new QLabel(tr("A gallery click sets image <b>A</b>."), panel);
    auto* openA = new QPushButton(tr("Open image for A…"), panel);
    auto* openB = new QPushButton(tr("Open image for B…"), panel);
    pickRow_ = new QWidget(panel);
    auto* buttons = new QHBoxLayout(pickRow_);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(openA);
    buttons->addWidget(openB);
    layout->addWidget(ends_);
    layout->addWidget(current_, 1);
    layout->addWidget(slider_);
    layout->addWidget(alphaLabel_);
    layout->addWidget(nextEnd_);
    layout->addWidget(pickRow_);
    connect(slider_, &QSlider::valueChanged, this, &InterpLab::showFrame);
    for (int which : {0, 1})
        connect(which ? openB : openA, &QPushButton::clicked, this, [this, which] {
            const QString path = QFileDialog::getOpenFileName(
                this, tr("Image for %1").arg(which ? "B" : "A"), QString(),
                tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.tif *.tiff *.webp)"));
            if (!path.isEmpty()) openImage(which, path);
        });
    return panel;
}

void InterpLab::connectControls() {
    connect(controls_, &InterpControls::dataChosen, this, &InterpLab::loadData);
    connect(controls_, &InterpControls::folderRequested, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of images"));
        if (!dir.isEmpty()) controls_->chooseData("folder:" + dir);
    });
    connect(controls_, &InterpControls::modelChosen, this, [this] {
        handoff::post(worker_, &InterpWorker::selectModel, controls_->config(), false);
    });
    connect(controls_, &InterpControls::rebuildRequested, this, [this] {
        pretrainedModels_.remove(int(controls_->config().model));
        handoff::post(worker_, &InterpWorker::selectModel, controls_->config(), true);
    });
    connect(controls_, &InterpControls::liveSettingsChanged, this,
            [this] { handoff::post(worker_, &InterpWorker::applyLive, controls_->config()); });
    connect(controls_, &InterpControls::trainingToggled, this,
            [this](bool on) { handoff::post(worker_, &InterpWorker::setTraining, on); });
    connect(controls_, &InterpControls::interpolationChanged, this, [this] {
        handoff::post(worker_, &InterpWorker::setSpherical, controls_->spherical());
        handoff::post(worker_, &InterpWorker::setCompare, controls_->compareModel());
    });
    connect(controls_, &InterpControls::saveRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save model"), "model.aelab-ae",
                                                          tr("Autoencoder models (*.aelab-ae)"));
        if (!path.isEmpty()) saveModel(path);
    });
    connect(controls_, &InterpControls::loadRequested, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Load model"), QString(),
                                         tr("Autoencoder models (*.aelab-ae);;All files (*)"));
        if (!path.isEmpty()) loadModel(path);
    });
    connect(controls_, &InterpControls::bestRequested, this, &InterpLab::backToBest);
    handoff::post(worker_, &InterpWorker::selectModel, controls_->config(), true);
}

void InterpLab::backToBest() {
    controls_->setTraining(false);
    handoff::post(worker_, &InterpWorker::restoreBest);
}

void InterpLab::setBestEvery(long long steps) {
    handoff::post(worker_, &InterpWorker::setBestEvery, steps);
}

InterpLab::~InterpLab() {
    thread_.stop();
}

void InterpLab::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!started_) loadData(controls_->dataSpec()); // data loads on first show
}

void InterpLab::loadData(const QString& spec) {
    started_ = true;
    handoff::post(worker_, &InterpWorker::loadData, spec);
}

void InterpLab::toggleTraining() {
    controls_->setTraining(!controls_->isTraining());
}

void InterpLab::openImage(int which, const QString& path) {
    QImageReader reader(path);
    const QImage image = reader.read();
    if (image.isNull()) {
        showError(tr("Cannot read %1: %2").arg(path, reader.errorString()));
        return;
    }
    handoff::post(worker_, &InterpWorker::chooseImage, which, image);
    chosen_[which] = {-1, false, image};
}

QJsonObject InterpLab::viewState() const {
    QJsonArray ends;
    for (const End& end : chosen_) {
        QJsonObject e;
        if (end.index >= 0) {
            e.insert("index", end.index);
            e.insert("test", end.test);
        } else if (!end.image.isNull()) {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            end.image.save(&buffer, "PNG");
            e.insert("png", QString::fromLatin1(png.toBase64()));
        }
        ends.append(e);
    }
    return {{"alpha", slider_->value()}, {"ends", ends}};
}

void InterpLab::restoreViewState(const QJsonObject& state) {
    if (!started_) loadData(controls_->dataSpec()); // the pair needs its data first
    const QJsonArray ends = state.value("ends").toArray();
    for (int which = 0; which < 2 && which < ends.size(); ++which) {
        const QJsonObject e = ends[which].toObject();
        if (e.contains("index")) {
            const int index = e.value("index").toInt(-1);
            const bool test = e.value("test").toBool();
            if (index < 0) continue; // the worker checks the upper bound
            handoff::post(worker_, &InterpWorker::chooseFromData, which, index, test);
            chosen_[which] = {index, test, {}};
        } else if (e.contains("png")) {
            const QImage image = QImage::fromData(
                QByteArray::fromBase64(e.value("png").toString().toLatin1()), "PNG");
            if (image.isNull()) continue;
            handoff::post(worker_, &InterpWorker::chooseImage, which, image);
            chosen_[which] = {-1, false, image};
        }
    }
    const int alpha = state.value("alpha").toInt(-1);
    if (alpha >= slider_->minimum() && alpha <= slider_->maximum()) slider_->setValue(alpha);
}

void InterpLab::saveModel(const QString& path) {
    handoff::post(worker_, &InterpWorker::saveModel, path);
}
void InterpLab::loadModel(const QString& path) {
    handoff::post(worker_, &InterpWorker::loadModel, path);
}

QWidget* InterpLab::exportView() const {
    return strip_;
}

void InterpLab::setPresentation(bool on) {
    frame_->setPresentation(on);
    controls_->setPresentation(on);
    lossChart_->setPresentation(on);
    alphaChart_->setPresentation(on);
    for (ImageGridView* v : {ends_, current_, strip_})
        v->setPresentation(on);
    setLabelsPresentation({status_, pretrained_, scores_, alphaLabel_, nextEnd_}, on);
    // On a projector the strips are the picture: the scrub panel moves to
    // their left and the gallery and file buttons fold away.
    for (QWidget* w : {static_cast<QWidget*>(gallery_), pickRow_, static_cast<QWidget*>(nextEnd_)})
        w->setVisible(!on);
    ends_->setMaximumHeight(on ? 200 : 110);
    ends_->setMinimumHeight(on ? 140 : 0);
    split_->setOrientation(on ? Qt::Horizontal : Qt::Vertical);
    split_->setSizes(on ? QList<int>{width() / 5, width() * 4 / 5} : QList<int>{360, 320});
}

void InterpLab::showError(const QString& text) {
    pendingPretrained_.clear(); // a load that failed brings no model
    banner_->setText(text);
    banner_->show();
    emit errorOccurred(text);
}

QVariantMap InterpLab::modelStates() const {
    return workerCheckpoints(worker_);
}

void InterpLab::restoreModelStates(const QVariantMap& parts) {
    restoreWorkerCheckpoints(worker_, parts);
}

} // namespace aelab
