#include "app/labs/interp/interp_controls.h"

#include "app/labkit/lab_layout.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace aelab {

namespace {
QDoubleSpinBox* spin(double lo, double hi, double step, double value, int decimals = 2) {
    auto* s = new QDoubleSpinBox;
    s->setRange(lo, hi);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setValue(value);
    return s;
}
} // namespace

InterpControls::InterpControls(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildDataGroup());
    layout->addWidget(buildModelGroup());
    layout->addWidget(buildInterpolationGroup());
    layout->addStretch();
    nameControls({{data_, "data"},
                  {model_, "model"},
                  {depth_, "depth"},
                  {lambda_, "lambda"},
                  {gamma_, "gamma"},
                  {noise_, "noiseStd"},
                  {kl_, "klWeight"},
                  {lr_, "learningRate"},
                  {batch_, "batch"},
                  {seed_, "seed"},
                  {path_, "path"},
                  {compare_, "compare"}});
    updateRows();
}

QWidget* InterpControls::buildDataGroup() {
    auto* form = new QFormLayout;
    data_ = makeDataMenu(
        {"lines", "mnist", "fashion-mnist"},
        tr("Lines: ACAI's 32×32 benchmark, scored live. Images from a folder "
           "are resized to 28×28."),
        this, [this](const QString& spec) { emit dataChosen(spec); },
        [this] { emit folderRequested(); });
    form->addRow(tr("Data"), data_);
    return makeGroup(tr("Data"), form);
}

QWidget* InterpControls::buildModelGroup() {
    auto* form = new QFormLayout;
    model_ = new QComboBox;
    for (aelab::InterpModel m : aelab::allInterpModels())
        model_->addItem(QString::fromStdString(aelab::modelTitle(m)), int(m));
    model_->setCurrentIndex(model_->findData(int(aelab::InterpModel::Acai)));
    model_->setToolTip(
        tr("Which autoencoder to train. Each keeps its weights when you switch, so you can train "
           "a plain AE, then ACAI, and compare them on the same pair."));
    depth_ = new QSpinBox;
    depth_->setRange(1, 64);
    depth_->setValue(8);
    depth_->setToolTip(tr("Channels of the first convolutions, doubled at each scale. Needs a new "
                          "model."));
    lambda_ = spin(0, 10, 0.1, 0.5);
    lambda_->setToolTip(tr("ACAI: weight λ of the critic term, ‖x − x̂‖² + λ·d(x̂_α)²."));
    gamma_ = spin(0, 1, 0.05, 0.2);
    gamma_->setToolTip(tr("ACAI: the critic also sees γx + (1 − γ)x̂ and must answer 0 for it."));
    noise_ = spin(0, 5, 0.1, 1.0);
    noise_->setToolTip(tr("Denoising AE: σ of the Gaussian noise added to the [−1, 1] images."));
    kl_ = spin(0, 10, 0.1, 1.0);
    kl_->setToolTip(tr("VAE: weight of KL(q(z|x) ‖ N(0, I)) in the loss."));
    lr_ = spin(1e-5, 0.1, 1e-4, 5e-4, 5);
    lr_->setToolTip(tr("Adam's learning rate for the autoencoder and the critic; applied live."));
    batch_ = makeBatchBox(2);
    seed_ = makeSeedBox(tr("Seeds the weights, the minibatches, α and the noise."));
    form->addRow(tr("Model"), model_);
    form->addRow(tr("Depth"), depth_);
    form->addRow(tr("λ (critic weight)"), lambda_);
    form->addRow(tr("γ (critic blend)"), gamma_);
    form->addRow(tr("Noise σ"), noise_);
    form->addRow(tr("KL weight"), kl_);
    form->addRow(tr("Learning rate"), lr_);
    form->addRow(tr("Batch"), batch_);
    form->addRow(tr("Seed"), seed_);
    auto* rebuild = new QPushButton(tr("New model"));
    rebuild->setToolTip(tr("Rebuild the chosen model with these settings and this seed."));
    train_ = new QPushButton(tr("Train"));
    transport_ << train_ << rebuild;
    train_->setCheckable(true);
    train_->setToolTip(tr("Start or pause training (Space)."));
    auto* row = new QHBoxLayout;
    row->addWidget(rebuild);
    row->addWidget(train_);
    form->addRow(row);
    form->addRow(buildPretrainedButton());
    auto* save = new QPushButton(tr("Save model…"));
    save->setToolTip(tr("Nets, both optimisers and the settings, in one file."));
    auto* load = new QPushButton(tr("Load model…"));
    auto* files = new QHBoxLayout;
    files->addWidget(save);
    files->addWidget(load);
    form->addRow(files);
    progress_ = new QLabel(tr("step 0"));
    form->addRow(progress_);
    best_ = new QPushButton(tr("Back to best"));
    best_->setObjectName("backToBest");
    best_->setEnabled(false);
    best_->setToolTip(tr("Lines: the run is scored on 64 validation pairs every 1,000 steps and "
                         "its best model kept. This goes back to it and pauses: a run that ran "
                         "away loses nothing."));
    form->addRow(best_);
    connect(best_, &QPushButton::clicked, this, &InterpControls::bestRequested);
    connect(model_, &QComboBox::activated, this, [this] {
        updateRows();
        emit modelChosen();
    });
    connect(rebuild, &QPushButton::clicked, this, &InterpControls::rebuildRequested);
    connect(train_, &QPushButton::toggled, this, [this](bool on) {
        train_->setText(on ? tr("Pause") : tr("Train"));
        emit trainingToggled(on);
    });
    connect(save, &QPushButton::clicked, this, &InterpControls::saveRequested);
    connect(load, &QPushButton::clicked, this, &InterpControls::loadRequested);
    for (QDoubleSpinBox* s : {lambda_, gamma_, noise_, kl_, lr_})
        connect(s, &QDoubleSpinBox::valueChanged, this, &InterpControls::liveSettingsChanged);
    connect(batch_, &QSpinBox::valueChanged, this, &InterpControls::liveSettingsChanged);
    modelGroup_ = makeGroup(tr("Model"), form);
    return modelGroup_;
}

QWidget* InterpControls::buildInterpolationGroup() {
    auto* form = new QFormLayout;
    path_ = new QComboBox;
    path_->addItem(tr("Linear"), false);
    path_->addItem(tr("Spherical"), true);
    path_->setToolTip(tr("Linear: z = (1 − α)z₁ + αz₂ (the benchmark's). Spherical: along the "
                         "great circle between the codes."));
    compare_ = new QComboBox;
    compare_->addItem(tr("None"), -1);
    for (aelab::InterpModel m : aelab::allInterpModels())
        compare_->addItem(QString::fromStdString(aelab::modelTitle(m)), int(m));
    compare_->setToolTip(tr("Show the same pair through another model you have trained."));
    form->addRow(tr("Path"), path_);
    form->addRow(tr("Compare with"), compare_);
    setTrainedModels({});
    connect(path_, &QComboBox::activated, this, &InterpControls::interpolationChanged);
    connect(compare_, &QComboBox::activated, this, &InterpControls::interpolationChanged);
    return makeGroup(tr("Interpolation"), form);
}

void InterpControls::updateRows() {
    const auto m = aelab::InterpModel(model_->currentData().toInt());
    lambda_->setEnabled(m == aelab::InterpModel::Acai);
    gamma_->setEnabled(m == aelab::InterpModel::Acai);
    noise_->setEnabled(m == aelab::InterpModel::Denoising);
    kl_->setEnabled(m == aelab::InterpModel::Variational);
}

aelab::InterpConfig InterpControls::config() const {
    const auto m = aelab::InterpModel(model_->currentData().toInt());
    // Scales and latent follow the data's image size: the worker sets them.
    aelab::InterpConfig c = aelab::defaultInterpConfig(m, 32, 32);
    c.depth = depth_->value();
    c.lambda = lambda_->value();
    c.gamma = gamma_->value();
    c.noiseStd = noise_->value();
    c.klWeight = kl_->value();
    c.learningRate = lr_->value();
    c.batch = batch_->value();
    c.seed = std::uint64_t(seed_->value());
    return c;
}

QString InterpControls::dataSpec() const {
    return dataIn(data_);
}

bool InterpControls::spherical() const {
    return path_->currentData().toBool();
}
int InterpControls::compareModel() const {
    return compare_->currentData().toInt();
}

void InterpControls::setTraining(bool on) {
    train_->setChecked(on);
}
bool InterpControls::isTraining() const {
    return train_->isChecked();
}

void InterpControls::showProgress(long long step, double stepsPerSecond) {
    progress_->setText(stepsPerSecond > 0
                           ? tr("step %1 · %2 steps/s").arg(step).arg(stepsPerSecond, 0, 'f', 1)
                           : tr("step %1").arg(step));
}

void InterpControls::showBest(bool available, long long bestStep) {
    best_->setEnabled(available);
    best_->setText(available ? tr("Back to best (step %1)").arg(bestStep) : tr("Back to best"));
}

void InterpControls::setTrainedModels(const QVector<int>& models) {
    auto* items = qobject_cast<QStandardItemModel*>(compare_->model());
    for (int i = 1; i < compare_->count(); ++i)
        items->item(i)->setEnabled(models.contains(compare_->itemData(i).toInt()));
}

void InterpControls::showConfig(const aelab::InterpConfig& c) {
    const QSignalBlocker b1(lambda_), b2(gamma_), b3(noise_), b4(kl_), b5(lr_), b6(batch_);
    model_->setCurrentIndex(model_->findData(int(c.model)));
    depth_->setValue(c.depth);
    lambda_->setValue(c.lambda);
    gamma_->setValue(c.gamma);
    noise_->setValue(c.noiseStd);
    kl_->setValue(c.klWeight);
    lr_->setValue(c.learningRate);
    batch_->setValue(c.batch);
    seed_->setValue(int(c.seed));
    updateRows();
}

void InterpControls::chooseData(const QString& spec) {
    showData(spec);
    emit dataChosen(spec);
}

void InterpControls::showData(const QString& spec) {
    showDataIn(data_, spec);
}

void InterpControls::chooseModel(aelab::InterpModel model) {
    model_->setCurrentIndex(model_->findData(int(model)));
    updateRows();
    emit modelChosen();
}

void InterpControls::chooseCompare(int model) {
    compare_->setCurrentIndex(std::max(0, compare_->findData(model)));
    emit interpolationChanged();
}

void InterpControls::setPresentation(bool on) {
    QFont f = font();
    f.setPointSizeF(on ? 14 : QFont().pointSizeF());
    setFont(f);
}

QPushButton* InterpControls::buildPretrainedButton() {
    pretrained_ =
        makePretrainedButton(tr("Pretrained model"),
                             tr("Open a model from the zoo, trained for tens of thousands of steps "
                                "(docs/model-zoo.md): ready to scrub at once; Train continues it, "
                                "New model starts again live."));
    return pretrained_;
}

void InterpControls::setPretrainedModels(const QList<QPair<QString, QString>>& models) {
    offerInMenu(pretrained_, models, this,
                [this](const QString& name) { emit pretrainedChosen(name); });
}

} // namespace aelab
