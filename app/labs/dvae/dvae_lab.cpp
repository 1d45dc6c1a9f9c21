#include "app/labs/dvae/dvae_lab.h"
#include "app/labs/dvae/dvae_controls.h"
#include "app/labs/dvae/dvae_worker.h"
#include "widgets/image_grid_view.h"
#include "app/labkit/lab_frame.h"
#include "app/labkit/lab_layout.h"
#include "app/labkit/lab_parts.h"
#include "widgets/latent_scatter.h"
#include "widgets/loss_chart.h"
#include "app/labkit/thread_handoff.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QScreen>

namespace aelab {

DvaeLab::DvaeLab(QWidget* parent)
    : QWidget(parent), thread_("dvae-lab worker"), worker_(thread_.adopt(new DvaeWorker)) {

    controls_ = new DvaeControls(this);
    chart_ = new LossChart(this);
    chart_->setValueLabel(tr("nats per image"));
    chart_->xAxis->setLabel(tr("epoch"));
    banner_ = makeErrorBanner(this);
    status_ = makeStatusLabel(this);
    nll_ = makeStatusLabel(this);
    views_ = new QWidget(this);
    auto* grid = new QGridLayout(views_);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int s = 0; s < kDvaeSlots; ++s) {
        titles_[s] = makeStatusLabel(views_);
        titles_[s]->setAlignment(Qt::AlignCenter);
        samples_[s] = new ImageGridView(views_);
        samples_[s]->setPlaceholder(tr("Loading data…"));
        recon_[s] = new ImageGridView(views_);
        latent_[s] = new LatentScatter(views_);
        grid->addWidget(titles_[s], 0, s);
        grid->addWidget(samples_[s], 1, s);
        grid->addWidget(recon_[s], 2, s);
        grid->addWidget(latent_[s], 3, s);
        series_[s][0] = chart_->addSeries(tr("%1: −bound, training batches").arg(s ? "B" : "A"));
        series_[s][1] = chart_->addSeries(tr("%1: test NLL").arg(s ? "B" : "A"));
    }
    // After the others, so their series keep their numbers (sessions, tests).
    for (int s = 0; s < kDvaeSlots; ++s)
        series_[s][2] = chart_->addSeries(tr("%1: −ELBO, training images").arg(s ? "B" : "A"));
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 2);
    grid->setRowStretch(3, 3);
    frame_ = layOutLab(this, banner_, stackOver({status_, nll_}, views_, this), chart_, controls_);
    frame_->setTransport(controls_->transport());
    // The bounds' chart shows the train/test gap, what lesson 3 is about: it
    // gets a larger share of the column than other labs' charts.
    frame_->setChartShare(3, 2);

    handoff::connect(worker_, &DvaeWorker::snapshot, this, &DvaeLab::onSnapshot);
    handoff::connect(worker_, &DvaeWorker::failed, this, &DvaeLab::showError);
    handoff::connect(worker_, &DvaeWorker::failed, this, [this] { emit busyChanged({}); });
    handoff::connect(worker_, &DvaeWorker::dataLoaded, this,
                     [this](const QString& description, const QStringList& classes) {
                         emit busyChanged({});
                         status_->setText(description);
                         classNames_ = classes;
                         banner_->hide();
                     });
    handoff::connect(worker_, &DvaeWorker::nllProgress, controls_, &DvaeControls::showNllProgress);
    handoff::connect(worker_, &DvaeWorker::nllEstimated, this, [this](const QString& summary) {
        controls_->showNllProgress(0, 0);
        nll_->setText(summary);
    });
    handoff::connect(worker_, &DvaeWorker::samplesReady, this,
                     [this](const QVector<QImage>& images) {
                         emit refineRequested(images, last_.slot[refineSlot_].title);
                     });
    handoff::connect(worker_, &DvaeWorker::modelsOpened, this, &DvaeLab::notePretrainedOpened);
    connect(controls_, &DvaeControls::dataChosen, this, &DvaeLab::forgetPretrained);
    connect(controls_, &DvaeControls::dataChosen, this, &DvaeLab::loadData);
    connect(controls_, &DvaeControls::folderRequested, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of images"));
        if (!dir.isEmpty()) controls_->chooseData("folder:" + dir);
    });
    connect(controls_, &DvaeControls::resetRequested, this, [this] {
        forgetPretrained();
        handoff::post(worker_, &DvaeWorker::resetModels, controls_->config(0),
                      controls_->config(1));
    });
    connect(controls_, &DvaeControls::trainingToggled, this,
            [this](bool on) { handoff::post(worker_, &DvaeWorker::setTraining, on); });
    connect(controls_, &DvaeControls::estimateRequested, this,
            [this] { estimateNll(controls_->estimateK()); });
    connect(controls_, &DvaeControls::refineRequested, this, [this](int slot) {
        refineSlot_ = slot;
        handoff::post(worker_, &DvaeWorker::requestSamples, slot, 64);
    });
    handoff::post(worker_, &DvaeWorker::resetModels, controls_->config(0), controls_->config(1));
    offerPretrained();
}

DvaeLab::~DvaeLab() {
    thread_.stop();
}

void DvaeLab::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!started_) loadData(controls_->dataSpec()); // data loads on first show
}

void DvaeLab::loadData(const QString& spec) {
    started_ = true;
    status_->setText(tr("Loading %1…").arg(spec));
    emit busyChanged(status_->text());
    handoff::post(worker_, &DvaeWorker::loadData, spec);
}

void DvaeLab::toggleTraining() {
    controls_->setTraining(!controls_->isTraining());
}

void DvaeLab::estimateNll(int k) {
    controls_->showNllProgress(0, 1);
    nll_->setText(tr("Estimating the test NLL with K = %1…").arg(k));
    handoff::post(worker_, &DvaeWorker::estimateNll, k);
}

QWidget* DvaeLab::exportView() const {
    return views_;
}

void DvaeLab::setPresentation(bool on) {
    frame_->setPresentation(on);
    chart_->setPresentation(on);
    // The panel and the titles in large type, as in the other labs.
    QFont f = controls_->font();
    f.setPointSize(on ? 15 : QFont().pointSize());
    controls_->setFont(f);
    setLabelsPresentation({titles_[0], titles_[1], status_, nll_}, on);
    for (int s = 0; s < kDvaeSlots; ++s) {
        samples_[s]->setPresentation(on);
        recon_[s]->setPresentation(on);
        latent_[s]->setPresentation(on);
        // A projector of 720 or 768 lines has no room for the code scatters.
        latent_[s]->setVisible(!on || (screen() && screen()->geometry().height() >= 900));
        // Their row's share goes to the samples when they fold.
        if (auto* grid = qobject_cast<QGridLayout*>(views_->layout()))
            grid->setRowStretch(3, latent_[s]->isVisibleTo(views_) ? 3 : 0);
    }
}

void DvaeLab::showError(const QString& text) {
    banner_->setText(text);
    banner_->show();
    emit errorOccurred(text);
}

// "A: VAE · epoch 12.0 · 1,000 images binarised once · training −ELBO 89.6 ·
// test NLL ≈ 122.8 (K = 100) · gap 33.2": the train/test gap is the lesson.
QString DvaeLab::slotTitle(int k, const DvaeSlotView& v) const {
    QString text = tr("<b>%1: %2</b> · epoch %3 · %4 images %5")
                       .arg(k ? "B" : "A", v.title)
                       .arg(v.epochs, 0, 'f', 1)
                       .arg(QLocale().toString(v.trainImages))
                       .arg(v.fixedBinarisation ? tr("binarised once") : tr("binarised afresh"));
    if (v.lastNll > 0)
        text += tr(" · training −ELBO %1 · test NLL ≈ %2 (K = %3) · gap %4")
                    .arg(v.lastTrainElbo, 0, 'f', 1)
                    .arg(v.lastNll, 0, 'f', 1)
                    .arg(v.lastNllK)
                    .arg(v.lastNll - v.lastTrainElbo, 0, 'f', 1);
    return text + pretrainedBadge(k, v);
}

void DvaeLab::onSnapshot(const DvaeSnapshot& s) {
    if (s.modelId != modelId_) {
        modelId_ = s.modelId;
        chart_->clearAll();
        nll_->clear();
        if (curvesPending_) drawPretrainedCurves();
    }
    for (int k = 0; k < kDvaeSlots; ++k) {
        const DvaeSlotView& v = s.slot[k];
        if (!pretrained_[k].isEmpty() && pretrainedEpochs_[k] < 0) pretrainedEpochs_[k] = v.epochs;
        chart_->appendPoints(series_[k][0], v.trainLoss);
        chart_->appendPoints(series_[k][1], v.testNll);
        chart_->appendPoints(series_[k][2], v.trainElbo);
        titles_[k]->setText(slotTitle(k, v));
        if (!s.hasViews) continue;
        samples_[k]->setImages(v.samples, 12);
        samples_[k]->setCaption(tr("samples from the prior (decoder means)"));
        recon_[k]->setImages(v.recon, kDvaeReconCols,
                             {tr("test"), tr("from clean"), tr("corrupted"), tr("from corrupted")});
        latent_[k]->setPoints(v.latent, v.latentClass, classNames_,
                              tr("test codes: %1").arg(v.latentAxes));
    }
    controls_->showProgress(s.slot[0].epochs, s.stepsPerSecond);
    if (s.diverged) {
        controls_->setTraining(false);
        showError(s.message);
    }
    last_ = s;
}

QVariantMap DvaeLab::modelStates() const {
    return workerCheckpoints(worker_);
}

void DvaeLab::restoreModelStates(const QVariantMap& parts) {
    restoreWorkerCheckpoints(worker_, parts);
}

} // namespace aelab
