#include "app/labs/dvae/dvae_controls.h"

#include "app/labkit/lab_layout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <memory>
#include <vector>

namespace aelab {

DvaeControls::DvaeControls(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildDataGroup());
    layout->addWidget(buildModelsGroup());
    layout->addWidget(buildActionsGroup());
    layout->addStretch();
    nameControls({{data_, "data"},
                  {model_[0], "modelA"},
                  {noiseKind_[0], "noiseKindA"},
                  {noiseLevel_[0], "noiseLevelA"},
                  {model_[1], "modelB"},
                  {noiseKind_[1], "noiseKindB"},
                  {noiseLevel_[1], "noiseLevelB"},
                  {k_, "k"},
                  {arch_, "architecture"},
                  {hidden_, "hidden"},
                  {latent_, "latent"},
                  {lr_, "learningRate"},
                  {batch_, "batch"},
                  {seed_, "seed"},
                  {estimateK_, "estimateK"},
                  {binarize_, "binarize"},
                  {trainImages_, "trainImages"},
                  {authorsNet_, "authorsNet"}});
}

QWidget* DvaeControls::buildDataGroup() {
    auto* form = new QFormLayout;
    data_ = makeDataMenu(
        {"mnist", "fashion-mnist", "lines"},
        tr("Grey levels are read as Bernoulli probabilities: the training images "
           "binarised once or every batch (below), the test images once."),
        this, [this](const QString& spec) { emit dataChosen(spec); },
        [this] { emit folderRequested(); });
    form->addRow(tr("Data"), data_);
    binarize_ = new QComboBox;
    binarize_->addItem(tr("fresh binarisation every batch (augmentation)"),
                       int(aelab::Binarize::Resample));
    binarize_->addItem(tr("binarised once (paper)"), int(aelab::Binarize::Fixed));
    binarize_->setToolTip(
        tr("Binarised once: the training images become one fixed binary set, as in Im et al.'s "
           "protocol, where a plain VAE overfits and denoising regularises. Every batch afresh: "
           "the paper's \"data augmentation\" baseline. Applies on New models."));
    trainImages_ = new QSpinBox;
    trainImages_->setRange(0, 1'000'000);
    trainImages_->setSingleStep(500);
    trainImages_->setSpecialValueText(tr("all"));
    trainImages_->setToolTip(tr("Train on this many images, as many of each class as can be: "
                                "with 1,000 the VAE overfits within minutes. Applies on New "
                                "models."));
    authorsNet_ = new QCheckBox(tr("The authors' network and training"));
    authorsNet_->setToolTip(tr("A decoder with one hidden layer (50-200-784), gradients clipped "
                               "at norm 5 and the KL term in closed form, as in the authors' "
                               "code. Applies on New models."));
    form->addRow(tr("Binarisation"), binarize_);
    form->addRow(tr("Training images"), trainImages_);
    form->addRow(authorsNet_);
    return makeGroup(tr("Data"), form);
}

QWidget* DvaeControls::buildModelsGroup() {
    auto* form = new QFormLayout;
    for (int s = 0; s < 2; ++s) {
        model_[s] = new QComboBox;
        for (aelab::VaeModel m : aelab::allVaeModels())
            model_[s]->addItem(QString::fromStdString(aelab::vaeModelTitle(m)), int(m));
        model_[s]->setCurrentIndex(s == 0 ? 0 : 1); // VAE against DVAE
        model_[s]->setToolTip(
            tr("VAE: the ELBO. DVAE: corrupt the input, score the clean image (Im et al.). IWAE, "
               "DIWAE: the k-sample importance-weighted bound."));
        noiseKind_[s] = new QComboBox;
        noiseKind_[s]->setToolTip(
            tr("The corruption q(x̃|x) a denoising model sees: salt and pepper, Gaussian "
               "x̃ = x + N(0, σ²), or masking (pixels set to 0 with probability p)."));
        noiseKind_[s]->addItem(tr("Salt and pepper"), int(aelab::CorruptionKind::SaltPepper));
        noiseKind_[s]->addItem(tr("Gaussian"), int(aelab::CorruptionKind::Gaussian));
        noiseKind_[s]->addItem(tr("Masking"), int(aelab::CorruptionKind::Masking));
        noiseLevel_[s] = new QDoubleSpinBox;
        noiseLevel_[s]->setRange(0, 1);
        noiseLevel_[s]->setSingleStep(0.01);
        noiseLevel_[s]->setValue(0.1);
        noiseLevel_[s]->setToolTip(tr("Salt and pepper p (5% to 10% did best in the paper), "
                                      "Gaussian σ or masking p; used by DVAE and DIWAE."));
        auto* noise = new QHBoxLayout;
        noise->addWidget(noiseKind_[s]);
        noise->addWidget(noiseLevel_[s]);
        const QString name = s == 0 ? tr("A") : tr("B");
        // Their row holds two controls: the accessible names say which is which.
        noiseKind_[s]->setAccessibleName(tr("Noise %1").arg(name));
        noiseLevel_[s]->setAccessibleName(tr("Noise level %1").arg(name));
        form->addRow(tr("Model %1").arg(name), model_[s]);
        form->addRow(tr("Noise %1").arg(name), noise);
    }
    k_ = new QSpinBox;
    k_->setRange(1, 100);
    k_->setValue(5);
    k_->setToolTip(tr("Importance samples per image when training IWAE and DIWAE."));
    arch_ = new QComboBox;
    arch_->addItem(tr("Fully connected"), int(aelab::VaeArch::Mlp));
    arch_->addItem(tr("Convolutional"), int(aelab::VaeArch::Conv));
    arch_->setToolTip(tr("Fully connected: the authors' D-200-200-50 with softplus. "
                         "Convolutional: two scales of 3×3 convolutions around the code."));
    hidden_ = new QSpinBox;
    hidden_->setRange(8, 2048);
    hidden_->setValue(200);
    hidden_->setToolTip(tr("Units of each hidden layer of the fully connected nets "
                           "(the authors' 784-200-200-50)."));
    latent_ = new QSpinBox;
    latent_->setRange(1, 512);
    latent_->setValue(50);
    latent_->setToolTip(
        tr("Latent dimensions; with 2 the latent view shows the codes as they are."));
    lr_ = new QDoubleSpinBox;
    lr_->setDecimals(5);
    lr_->setRange(1e-5, 0.1);
    lr_->setSingleStep(1e-4);
    lr_->setValue(1e-3);
    lr_->setToolTip(tr("Adam's step size for both models; applies on New models."));
    batch_ = makeBatchBox(1);
    batch_->setValue(100);
    seed_ = makeSeedBox(tr("Seeds both models' weights, batches, binarisation and noise."));
    form->addRow(tr("k (IWAE)"), k_);
    form->addRow(tr("Network"), arch_);
    form->addRow(tr("Hidden units"), hidden_);
    form->addRow(tr("Latent"), latent_);
    form->addRow(tr("Learning rate"), lr_);
    form->addRow(tr("Batch"), batch_);
    form->addRow(tr("Seed"), seed_);
    auto* reset = new QPushButton(tr("New models"));
    reset->setToolTip(tr("Rebuild both models with these settings: same data, same budget."));
    train_ = new QPushButton(tr("Train"));
    transport_ << train_ << reset;
    train_->setCheckable(true);
    train_->setToolTip(tr("Train both models in turns, one step each (Space)."));
    auto* row = new QHBoxLayout;
    row->addWidget(reset);
    row->addWidget(train_);
    form->addRow(row);
    pretrained_ = makePretrainedButton(
        tr("Pretrained models"),
        tr("Open a pair from the model zoo (docs/model-zoo.md), trained for hundreds of epochs: "
           "the gap shows at once; Train continues them, New models starts again."));
    form->addRow(pretrained_);
    progress_ = new QLabel(tr("epoch 0"));
    form->addRow(progress_);
    connect(reset, &QPushButton::clicked, this, &DvaeControls::resetRequested);
    connect(train_, &QPushButton::toggled, this, [this](bool on) {
        train_->setText(on ? tr("Pause") : tr("Train"));
        emit trainingToggled(on);
    });
    return makeGroup(tr("Models"), form);
}

QWidget* DvaeControls::buildActionsGroup() {
    auto* form = new QFormLayout;
    estimateK_ = new QSpinBox;
    estimateK_->setRange(1, 100000);
    estimateK_->setValue(1000);
    estimateK_->setToolTip(tr("Importance samples per test image: log p(x) ≈ log (1/K) Σ "
                              "p(x, zₖ)/q(zₖ|x). The live curve uses K = 100 on 200 images."));
    auto* estimate = new QPushButton(tr("Estimate test NLL"));
    transport_ << estimate;
    nllBar_ = new QProgressBar;
    nllBar_->hide();
    form->addRow(tr("K"), estimateK_);
    form->addRow(estimate);
    form->addRow(nllBar_);
    auto* refineA = new QPushButton(tr("Refine A's samples"));
    auto* refineB = new QPushButton(tr("Refine B's samples"));
    for (auto* b : {refineA, refineB})
        b->setToolTip(tr("Send 64 samples to the image lab and iterate its trained DAE on them "
                         "(Creswell et al.); its score shows before and after."));
    auto* refine = new QHBoxLayout;
    refine->addWidget(refineA);
    refine->addWidget(refineB);
    form->addRow(refine);
    connect(estimate, &QPushButton::clicked, this, &DvaeControls::estimateRequested);
    connect(refineA, &QPushButton::clicked, this, [this] { emit refineRequested(0); });
    connect(refineB, &QPushButton::clicked, this, [this] { emit refineRequested(1); });
    return makeGroup(tr("Likelihood and refinement"), form);
}

aelab::VaeConfig DvaeControls::config(int s) const {
    aelab::VaeConfig c;
    c.model = aelab::VaeModel(model_[s]->currentData().toInt());
    c.noise = {aelab::CorruptionKind(noiseKind_[s]->currentData().toInt()),
               float(noiseLevel_[s]->value())};
    c.samples = k_->value();
    c.arch = aelab::VaeArch(arch_->currentData().toInt());
    c.hidden = hidden_->value();
    c.latent = latent_->value();
    c.learningRate = lr_->value();
    c.batch = batch_->value();
    c.seed = std::uint64_t(seed_->value());
    c.binarize = aelab::Binarize(binarize_->currentData().toInt());
    c.trainImages = trainImages_->value();
    if (authorsNet_->isChecked()) {
        c.decoderLayers = 1;
        c.clipNorm = 5;
        c.analyticKl = true;
    }
    return c;
}

QString DvaeControls::dataSpec() const {
    return data_->currentData().toString();
}
int DvaeControls::estimateK() const {
    return estimateK_->value();
}
void DvaeControls::setTraining(bool on) {
    train_->setChecked(on);
}
bool DvaeControls::isTraining() const {
    return train_->isChecked();
}

void DvaeControls::showProgress(double epochs, double stepsPerSecond) {
    progress_->setText(
        stepsPerSecond > 0
            ? tr("epoch %1 · %2 steps/s").arg(epochs, 0, 'f', 2).arg(stepsPerSecond, 0, 'f', 0)
            : tr("epoch %1").arg(epochs, 0, 'f', 2));
}

void DvaeControls::showNllProgress(int done, int total) {
    nllBar_->setVisible(total > 0 && done < total);
    nllBar_->setRange(0, std::max(1, total));
    nllBar_->setValue(done);
}

void DvaeControls::showConfigs(const aelab::VaeConfig& a, const aelab::VaeConfig& b) {
    // Quietly: what the panel shows changes, not a setting the user made (no
    // undo step).
    std::vector<std::unique_ptr<QSignalBlocker>> quiet;
    for (QWidget* w : findChildren<QWidget*>())
        quiet.push_back(std::make_unique<QSignalBlocker>(w));
    for (int s = 0; s < 2; ++s) {
        const aelab::VaeConfig& c = s == 0 ? a : b;
        setModel(s, c.model);
        noiseKind_[s]->setCurrentIndex(noiseKind_[s]->findData(int(c.noise.kind)));
        noiseLevel_[s]->setValue(c.noise.level);
    }
    k_->setValue(a.samples);
    arch_->setCurrentIndex(arch_->findData(int(a.arch)));
    hidden_->setValue(a.hidden);
    latent_->setValue(a.latent);
    lr_->setValue(a.learningRate);
    batch_->setValue(a.batch);
    seed_->setValue(int(a.seed));
    binarize_->setCurrentIndex(binarize_->findData(int(a.binarize)));
    trainImages_->setValue(int(a.trainImages));
    authorsNet_->setChecked(a.decoderLayers == 1 && a.clipNorm == 5 && a.analyticKl);
}

void DvaeControls::setPretrainedPairs(const QList<QPair<QStringList, QString>>& pairs) {
    QList<QPair<QString, QString>> entries; // the names joined: one key
    for (const auto& [names, text] : pairs)
        entries.append({names.join(','), text});
    offerInMenu(pretrained_, entries, this,
                [this](const QString& key) { emit pretrainedChosen(key.split(',')); });
}

void DvaeControls::chooseData(const QString& spec) {
    showDataIn(data_, spec);
    emit dataChosen(spec);
}

void DvaeControls::setModel(int slot, aelab::VaeModel model) {
    model_[slot]->setCurrentIndex(model_[slot]->findData(int(model)));
}

} // namespace aelab
