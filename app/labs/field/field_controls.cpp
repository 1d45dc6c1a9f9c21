#include "app/labs/field/field_controls.h"
#include "app/labkit/lab_layout.h"

#include <QCheckBox>
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

namespace aelab {

namespace {
const int kSpeeds[] = {1, 2, 5, 10, 20, 50, 100, 0}; // steps per frame; 0 = max
constexpr double kSigmaMin = 0.005, kSigmaMax = 1.0;

int sigmaToSlider(double s) {
    return int(std::lround(1000 * std::log(s / kSigmaMin) / std::log(kSigmaMax / kSigmaMin)));
}
double sliderToSigma(int v) {
    return kSigmaMin * std::pow(kSigmaMax / kSigmaMin, v / 1000.0);
}

QLabel* readout(QWidget* parent) {
    auto* l = new QLabel("–", parent);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = l->font();
    f.setFamily("monospace");
    l->setFont(f);
    return l;
}
} // namespace

FieldControls::FieldControls(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildRunGroup());
    layout->addWidget(buildDataGroup());
    layout->addWidget(buildModelGroup());
    layout->addWidget(buildConditionalGroup());
    layout->addWidget(buildViewGroup());
    layout->addStretch(1);
    nameControls({{dataset_, "dataset"},
                  {points_, "points"},
                  {sigma_, "sigma"},
                  {width_, "width"},
                  {depth_, "depth"},
                  {activation_, "activation"},
                  {loss_, "loss"},
                  {lr_, "learningRate"},
                  {batch_, "batch"},
                  {seed_, "seed"},
                  {speed_, "speed"},
                  {showData_, "showData"},
                  {showLearned_, "showLearned"},
                  {showIdeal_, "showIdeal"},
                  {heatMap_, "heatMap"},
                  {model_, "model"},
                  {sigmaLow_, "sigmaMin"},
                  {sigmaHigh_, "sigmaMax"},
                  {levels_, "levels"}});
    setConfig(config_);
    running_ = config_;
}

QWidget* FieldControls::buildRunGroup() {
    auto* box = new QGroupBox(tr("Training"), this);
    auto* v = new QVBoxLayout(box);
    auto* buttons = new QHBoxLayout;
    play_ = new QPushButton(tr("Play"), box);
    play_->setCheckable(true);
    play_->setToolTip(tr("Train continuously (Space)"));
    auto* step = new QPushButton(tr("Step"), box);
    step->setToolTip(tr("Take one Adam step and redraw (S)"));
    auto* reset = new QPushButton(tr("Reset"), box);
    reset->setToolTip(tr("New network and data from the same seed: the same run again (R)"));
    auto* reseed = new QPushButton(tr("New seed"), box);
    reseed->setToolTip(tr("Reset with the next seed (Shift+R)"));
    transport_ = {play_, step, reset, reseed};
    for (auto* b : {play_, step, reset, reseed})
        buttons->addWidget(b);
    v->addLayout(buttons);
    connect(play_, &QPushButton::toggled, this, [this](bool on) {
        play_->setText(on ? tr("Pause") : tr("Play"));
        if (!updating_) emit playToggled(on);
    });
    connect(step, &QPushButton::clicked, this, &FieldControls::stepRequested);
    connect(reset, &QPushButton::clicked, this, [this] { emit resetRequested(false); });
    connect(reseed, &QPushButton::clicked, this, [this] { emit resetRequested(true); });

    auto* form = new QFormLayout;
    speed_ = new QComboBox(box);
    for (int s : kSpeeds)
        speed_->addItem(s ? tr("%n step(s) / frame", "", s) : tr("as fast as possible"), s);
    speed_->setCurrentIndex(4); // 20 steps a frame: a few seconds to a good field
    speed_->setToolTip(tr("Training steps between two redraws (a frame is about 30 ms)"));
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this] { emit speedChanged(stepsPerFrame()); });
    form->addRow(tr("Speed"), speed_);
    seed_ = new QSpinBox(box);
    seed_->setRange(0, 999999);
    seed_->setToolTip(tr("Seeds the data, the initial weights, the minibatches and the noise (⟳: "
                         "applies when you press Reset, R)"));
    form->addRow(tr("Seed ⟳"), seed_);
    readStep_ = readout(box);
    readLoss_ = readout(box);
    readLoss_->setObjectName("lossReadout");
    readRate_ = readout(box);
    readR2_ = readout(box);
    readR2_->setToolTip(
        tr("Field fit R² = 1 − Σ p_σ‖v − v*‖² / Σ p_σ‖v*‖² over the grid, "
           "v = r(x) − x learned, v* = r*(x) − x ideal, p_σ the blurred data density"));
    form->addRow(tr("Step"), readStep_);
    form->addRow(tr("Loss"), readLoss_);
    form->addRow(tr("Steps/s"), readRate_);
    form->addRow(tr("Field fit R²"), readR2_);
    v->addLayout(form);
    pending_ = new QLabel(box);
    pending_->setWordWrap(true);
    pending_->setStyleSheet("color: #a05000;");
    v->addWidget(pending_);
    return box;
}

namespace {
// What the class reads: words, not the command line's tokens (sessions and
// lessons keep the item data, so these can change freely).
QString datasetTitle(aelab::Toy2DKind kind) {
    switch (kind) {
    case aelab::Toy2DKind::Spiral:
        return FieldControls::tr("Spiral");
    case aelab::Toy2DKind::Circles:
        return FieldControls::tr("Two circles");
    case aelab::Toy2DKind::Moons:
        return FieldControls::tr("Two moons");
    case aelab::Toy2DKind::GaussianRing:
        return FieldControls::tr("Ring of 8 Gaussians");
    case aelab::Toy2DKind::SwissRoll:
        return FieldControls::tr("Swiss roll");
    case aelab::Toy2DKind::Csv:
        return FieldControls::tr("Points from a CSV file");
    case aelab::Toy2DKind::Painted:
        return FieldControls::tr("Painted points");
    case aelab::Toy2DKind::TwoGaussians:
        return FieldControls::tr("Two Gaussians, 0.2 / 0.8");
    }
    return {};
}

QString activationTitle(aelab::Activation a) {
    switch (a) {
    case aelab::Activation::ReLU:
        return QStringLiteral("ReLU");
    case aelab::Activation::Tanh:
        return QStringLiteral("tanh");
    case aelab::Activation::Softplus:
        return QStringLiteral("softplus");
    }
    return {};
}
} // namespace

QWidget* FieldControls::buildDataGroup() {
    auto* box = new QGroupBox(tr("Data and noise"), this);
    auto* form = new QFormLayout(box);
    dataset_ = new QComboBox(box);
    for (const auto& name : aelab::toy2DNames()) {
        const auto kind = *aelab::toy2DKindFromName(name);
        dataset_->addItem(datasetTitle(kind), int(kind));
        dataset_->setItemData(dataset_->count() - 1,
                              QString::fromStdString(aelab::toy2DDescription(kind)),
                              Qt::ToolTipRole);
    }
    dataset_->setToolTip(tr("The training set; changing it keeps the network and trains on"));
    form->addRow(tr("Dataset"), dataset_);
    points_ = new QSpinBox(box);
    points_->setRange(2, 1000000); // as the command line; beyond 5,000 the plot draws a sample
    points_->setSingleStep(100);
    points_->setToolTip(tr("How many points to generate"));
    form->addRow(tr("Points"), points_);
    auto* row = new QHBoxLayout;
    loadCsv_ = new QPushButton(tr("Load CSV…"), box);
    loadCsv_->setToolTip(tr("Train on x,y points from a CSV file"));
    paint_ = new QPushButton(tr("Paint"), box);
    paint_->setCheckable(true);
    paint_->setToolTip(tr("Drag on the plot to draw points (P); release to train on them"));
    clearPaint_ = new QPushButton(tr("Clear"), box);
    clearPaint_->setToolTip(tr("Remove the painted points"));
    for (auto* b : {loadCsv_, paint_, clearPaint_})
        row->addWidget(b);
    form->addRow(row);
    connect(loadCsv_, &QPushButton::clicked, this, &FieldControls::loadCsvRequested);
    connect(paint_, &QPushButton::toggled, this, &FieldControls::paintModeToggled);
    connect(clearPaint_, &QPushButton::clicked, this, &FieldControls::clearPaintedRequested);

    sigma_ = new QDoubleSpinBox(box);
    sigma_->setRange(kSigmaMin, kSigmaMax);
    sigma_->setDecimals(3);
    sigma_->setSingleStep(0.01);
    sigma_->setToolTip(
        tr("Corruption x̃ = x + ε, ε ~ N(0, σ²I). For small σ, r(x) − x ≈ σ² ∇log p(x)"));
    sigmaSlider_ = new QSlider(Qt::Horizontal, box);
    sigmaSlider_->setRange(0, 1000);
    sigmaSlider_->setToolTip(sigma_->toolTip());
    form->addRow(tr("Noise σ"), sigma_);
    form->addRow(QString(), sigmaSlider_);
    connect(sigmaSlider_, &QSlider::valueChanged, this, [this](int v) {
        if (updating_) return;
        sigma_->setValue(sliderToSigma(v));
    });
    connect(dataset_, &QComboBox::currentIndexChanged, this, [this] { readWidgets(); });
    connect(points_, &QSpinBox::editingFinished, this, [this] { readWidgets(); });
    connect(sigma_, &QDoubleSpinBox::valueChanged, this, [this] { readWidgets(); });
    return box;
}

QWidget* FieldControls::buildModelGroup() {
    auto* box = new QGroupBox(tr("Network and optimiser"), this);
    auto* form = new QFormLayout(box);
    width_ = new QSpinBox(box);
    width_->setRange(4, 2048);
    width_->setToolTip(tr("Hidden units per layer (⟳: applies when you press Reset, R)"));
    depth_ = new QSpinBox(box);
    depth_->setRange(1, 8);
    depth_->setToolTip(tr("Hidden layers of the MLP r(x) = W_out·h_L, h_l = f(W_l·h_(l−1) + b_l) "
                          "(⟳: applies when you press Reset, R)"));
    activation_ = new QComboBox(box);
    for (auto a : {aelab::Activation::ReLU, aelab::Activation::Tanh, aelab::Activation::Softplus})
        activation_->addItem(activationTitle(a), int(a));
    activation_->setToolTip(tr("Hidden-layer nonlinearity (⟳: applies when you press Reset, R)"));
    loss_ = new QComboBox(box);
    loss_->addItem(tr("squared error"), int(aelab::LossKind::SquaredError));
    loss_->addItem(tr("binary cross-entropy"), int(aelab::LossKind::BinaryCrossEntropy));
    loss_->setToolTip(tr("Squared error ‖r(x̃) − x‖², or BCE with data mapped to [0,1]² and a "
                         "sigmoid output (Creswell et al.); the field is drawn in data coordinates "
                         "(⟳: applies when you press Reset, R)"));
    lr_ = new QDoubleSpinBox(box);
    lr_->setDecimals(5);
    lr_->setRange(1e-5, 1.0);
    lr_->setSingleStep(1e-4);
    lr_->setToolTip(tr("Adam's learning rate"));
    batch_ = new QSpinBox(box);
    batch_->setRange(1, 8192);
    batch_->setToolTip(tr("Training points per step (each with fresh noise)"));
    form->addRow(tr("Width ⟳"), width_);
    form->addRow(tr("Depth ⟳"), depth_);
    form->addRow(tr("Activation ⟳"), activation_);
    form->addRow(tr("Loss ⟳"), loss_);
    form->addRow(tr("Learning rate"), lr_);
    form->addRow(tr("Batch size"), batch_);
    auto* mark = new QLabel(tr("⟳ marks a setting that waits for Reset (R), which builds a new "
                               "network from the seed."),
                            box);
    mark->setWordWrap(true);
    mark->setStyleSheet("color: #555;");
    form->addRow(mark);
    for (auto* s : {width_, depth_, batch_, seed_})
        connect(s, &QSpinBox::valueChanged, this, [this] { readWidgets(); });
    for (auto* c : {activation_, loss_})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { readWidgets(); });
    connect(lr_, &QDoubleSpinBox::valueChanged, this, [this] { readWidgets(); });
    return box;
}

QWidget* FieldControls::buildViewGroup() {
    auto* box = new QGroupBox(tr("Layers"), this);
    auto* form = new QFormLayout(box);
    showData_ = new QCheckBox(tr("Training points"), box);
    showLearned_ = new QCheckBox(tr("Learned field r(x) − x"), box);
    showIdeal_ = new QCheckBox(tr("Ideal field r*(x) − x"), box);
    showData_->setToolTip(tr("The training points the DAE sees before corruption."));
    showLearned_->setToolTip(tr("The trained network's reconstruction minus its input, "
                                "r(x) − x ≈ σ² ∂log p(x)/∂x for small σ (Alain & Bengio 2014)."));
    showIdeal_->setToolTip(tr(
        "The best possible denoiser of this training set: r*(x) = Σ softmax(−‖x − xᵢ‖²/2σ²) xᵢ"));
    for (auto* c : {showData_, showLearned_, showIdeal_}) {
        c->setChecked(true);
        form->addRow(c);
    }
    heatMap_ = new QComboBox(box);
    heatMap_->addItems({tr("none"), tr("‖r(x) − x‖"), tr("log p_σ(x)")});
    heatMap_->setToolTip(
        tr("Colour the plane by the learned field's length or the noise-blurred density"));
    form->addRow(tr("Heat map"), heatMap_);
    auto emitLayers = [this] {
        emit layersChanged(showData_->isChecked(), showLearned_->isChecked(),
                           showIdeal_->isChecked(), heatMap_->currentIndex());
    };
    for (auto* c : {showData_, showLearned_, showIdeal_})
        connect(c, &QCheckBox::toggled, this, emitLayers);
    connect(heatMap_, &QComboBox::currentIndexChanged, this, emitLayers);
    return box;
}

void FieldControls::setConfig(const aelab::FieldConfig& config) {
    config_ = config;
    writeWidgets();
    updatePendingNote();
}

void FieldControls::setRunningConfig(const aelab::FieldConfig& config) {
    running_ = config;
    updatePendingNote();
}

void FieldControls::writeWidgets() {
    updating_ = true;
    dataset_->setCurrentIndex(dataset_->findData(int(config_.data.kind)));
    points_->setValue(config_.data.count);
    sigma_->setValue(config_.sigma);
    sigmaSlider_->setValue(sigmaToSlider(config_.sigma));
    width_->setValue(config_.width);
    depth_->setValue(config_.depth);
    activation_->setCurrentIndex(activation_->findData(int(config_.activation)));
    loss_->setCurrentIndex(loss_->findData(int(config_.loss)));
    lr_->setValue(config_.learningRate);
    batch_->setValue(config_.batchSize);
    seed_->setValue(int(config_.seed));
    writeConditional();
    updating_ = false;
}

void FieldControls::readWidgets() {
    if (updating_) return;
    aelab::FieldConfig c = config_;
    c.data.kind = aelab::Toy2DKind(dataset_->currentData().toInt());
    c.data.count = points_->value();
    c.sigma = float(sigma_->value());
    c.width = width_->value();
    c.depth = depth_->value();
    c.activation = aelab::Activation(activation_->currentData().toInt());
    c.loss = aelab::LossKind(loss_->currentData().toInt());
    c.learningRate = float(lr_->value());
    c.batchSize = batch_->value();
    c.seed = seed_->value();
    c.data.seed = c.seed;
    const bool rangeChanged = readConditional(c);
    updating_ = true;
    sigmaSlider_->setValue(sigmaToSlider(c.sigma));
    updating_ = false;
    const bool changed = c.data.kind != config_.data.kind || c.data.count != config_.data.count ||
                         c.sigma != config_.sigma || c.learningRate != config_.learningRate ||
                         c.batchSize != config_.batchSize || rangeChanged;
    config_ = c;
    updatePendingNote();
    if (changed) emit configEdited(config_);
}

void FieldControls::updatePendingNote() {
    QStringList pending;
    if (config_.width != running_.width) pending << tr("width");
    if (config_.depth != running_.depth) pending << tr("depth");
    if (config_.activation != running_.activation) pending << tr("activation");
    if (config_.loss != running_.loss) pending << tr("loss");
    if (config_.seed != running_.seed) pending << tr("seed");
    if (config_.model != running_.model) pending << tr("model");
    pending_->setText(pending.isEmpty()
                          ? QString()
                          : tr("⟳ %1 changed: applies on Reset (R).").arg(pending.join(", ")));
    pending_->setVisible(!pending.isEmpty());
}

void FieldControls::setPaintedPoints(const QVector<QPointF>& points) {
    if (points.size() < 2) return;
    config_.data.kind = aelab::Toy2DKind::Painted;
    config_.data.painted.clear();
    for (const QPointF& p : points) {
        config_.data.painted.push_back(float(p.x()));
        config_.data.painted.push_back(float(p.y()));
    }
    writeWidgets();
    emit configEdited(config_);
}

void FieldControls::showSnapshot(const FieldSnapshot& s) {
    readStep_->setText(QString::number(s.step));
    readLoss_->setText(s.step && std::isfinite(s.loss) ? QString::number(s.loss, 'g', 4)
                                                       : QStringLiteral("–"));
    readRate_->setText(s.playing ? QString::number(s.stepsPerSecond, 'f', 0)
                                 : QStringLiteral("paused"));
    // Before the first step there is no fit to speak of, only a number.
    readR2_->setText(s.step ? QString::number(s.r2, 'f', 3) : QStringLiteral("–"));
}

void FieldControls::setPlaying(bool playing) {
    updating_ = true;
    play_->setChecked(playing);
    updating_ = false;
}

int FieldControls::stepsPerFrame() const {
    return speed_->currentData().toInt();
}

void FieldControls::setPresentation(bool on) {
    QFont f = font();
    f.setPointSize(on ? 15 : QFont().pointSize());
    setFont(f);
}

} // namespace aelab

namespace aelab {

void FieldControls::endPainting() {
    paint_->setChecked(false);
}

} // namespace aelab
