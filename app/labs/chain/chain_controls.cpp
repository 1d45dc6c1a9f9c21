#include "app/labs/chain/chain_controls.h"
#include "app/labkit/lab_layout.h"
#include "app/labs/chain/chain_worker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aelab {

namespace {
constexpr double kInjectPerTick = 0.005; // the s slider moves in steps of 0.005
} // namespace

ChainControls::ChainControls(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildStartGroup());
    layout->addWidget(buildRuleGroup());
    layout->addWidget(buildPlayGroup());
    layout->addWidget(buildViewGroup());
    layout->addStretch(1);
    nameControls({{particles_, "particles"},
                  {burst_, "burst"},
                  {rule_, "rule"},
                  {injectSlider_, "injection"},
                  {denoiser_, "denoiser"},
                  {speed_, "speed"},
                  {showData_, "showData"},
                  {showLearned_, "showLearned"},
                  {showIdeal_, "showIdeal"},
                  {showBasins_, "showBasins"},
                  {contours_, "contours"},
                  {trail_, "trail"}});
}

QWidget* ChainControls::buildStartGroup() {
    auto* form = new QFormLayout;
    particles_ = new QSpinBox;
    particles_->setRange(10, 20000);
    particles_->setSingleStep(500);
    particles_->setValue(2000);
    particles_->setToolTip(tr("Particles drawn uniformly over the plot's box on restart"));
    form->addRow(tr("Particles"), particles_);
    auto* restart = new QPushButton(tr("Restart from noise"));
    transport_ << restart;
    restart->setToolTip(tr("Uniform noise over the plot (R); with an annealed rule, the "
                           "Gaussian N(m, C + σ_max² I) of the data blurred by σ_max"));
    connect(restart, &QPushButton::clicked, this, &ChainControls::restartRequested);
    auto* load = new QPushButton(tr("Start from file…"));
    load->setToolTip(tr("A CSV of x,y points, e.g. another model's samples"));
    connect(load, &QPushButton::clicked, this, &ChainControls::loadStartRequested);
    auto* row = new QHBoxLayout;
    row->addWidget(restart);
    row->addWidget(load);
    form->addRow(row);
    burst_ = new QCheckBox(tr("Click or drag on the plot adds particles"));
    burst_->setToolTip(tr("When ticked, a click starts a burst of particles at that point "
                          "instead of panning the plot."));
    burst_->setChecked(true);
    connect(burst_, &QCheckBox::toggled, this, &ChainControls::burstModeToggled);
    form->addRow(burst_);
    return makeGroup(tr("Start"), form);
}

QWidget* ChainControls::buildRuleGroup() {
    auto* form = new QFormLayout;
    rule_ = new QComboBox;
    rule_->addItem(tr("plain: x ← r(x)"));
    rule_->addItem(tr("noisy: x ← r(x + η), η ~ N(0, s²)"));
    // Annealed rules need the field lab's noise-conditional model r(x, σ);
    // the item data is the aelab::AnnealKind (annealed_sampler.h).
    rule_->addItem(tr("annealed Langevin, σ from large to small"), 0);
    rule_->addItem(tr("probability flow (Euler), deterministic"), 1);
    rule_->addItem(tr("probability flow (Heun), deterministic"), 2);
    rule_->addItem(tr("annealed denoising: x ← r(x + σᵢη, σᵢ)"), 3);
    rule_->setToolTip(
        tr("Creswell et al.: noise between steps keeps the chain from collapsing onto modes. "
           "The annealed rules use a noise-conditional r(x, σ) (field lab ▸ Model) and walk "
           "its noise levels from σ_max down to σ_min: the bridge to diffusion models."));
    form->addRow(tr("Rule"), rule_);
    injectSlider_ = new QSlider(Qt::Horizontal);
    injectSlider_->setToolTip(tr("The standard deviation s of the noise η ~ N(0, s²) added "
                                 "before each step of the noisy rule x ← r(x + η)."));
    injectSlider_->setRange(0, 60); // s from 0 to 0.3
    injectSlider_->setValue(10);
    injectLabel_ = new QLabel;
    auto* row = new QHBoxLayout;
    row->addWidget(injectSlider_, 1);
    row->addWidget(injectLabel_);
    form->addRow(tr("Noise s"), row);
    denoiser_ = new QComboBox;
    denoiser_->addItem(tr("learned r(x)"));
    denoiser_->addItem(tr("ideal r*(x) of the data"));
    denoiser_->setToolTip(
        tr("The ideal denoiser shows what the chain would do with a perfect network"));
    form->addRow(tr("Denoiser"), denoiser_);
    connect(rule_, &QComboBox::currentIndexChanged, this, [this] {
        emitRule();
        // An annealed rule samples from its own start: choosing one starts a run.
        if (annealKind() >= 0) emit restartRequested();
    });
    connect(injectSlider_, &QSlider::valueChanged, this, [this] { emitRule(); });
    connect(denoiser_, &QComboBox::currentIndexChanged, this,
            [this](int i) { emit denoiserChanged(i == 1); });
    injectLabel_->setText(QString::number(injectSlider_->value() * kInjectPerTick, 'f', 3));
    injectSlider_->setEnabled(false);
    return makeGroup(tr("Update rule"), form);
}

QWidget* ChainControls::buildPlayGroup() {
    auto* form = new QFormLayout;
    play_ = new QPushButton(tr("Run chain"));
    play_->setCheckable(true);
    play_->setToolTip(tr("Play / pause the chain (Space)"));
    connect(play_, &QPushButton::toggled, this, &ChainControls::playToggled);
    auto* step = new QPushButton(tr("One step"));
    transport_ << play_ << step;
    step->setToolTip(tr("S"));
    connect(step, &QPushButton::clicked, this, &ChainControls::stepRequested);
    auto* row = new QHBoxLayout;
    row->addWidget(play_);
    row->addWidget(step);
    form->addRow(row);
    speed_ = new QSlider(Qt::Horizontal);
    speed_->setToolTip(tr("Chain steps per second while playing."));
    speed_->setRange(1, 60);
    speed_->setValue(10);
    speedLabel_ = new QLabel(tr("10 steps/s"));
    connect(speed_, &QSlider::valueChanged, this, [this](int v) {
        speedLabel_->setText(tr("%1 steps/s").arg(v));
        emit speedChanged(v);
    });
    auto* speedRow = new QHBoxLayout;
    speedRow->addWidget(speed_, 1);
    speedRow->addWidget(speedLabel_);
    form->addRow(tr("Speed"), speedRow);
    train_ = new QPushButton(tr("Train the model meanwhile"));
    transport_ << train_;
    train_->setCheckable(true);
    train_->setToolTip(
        tr("Keeps training the field lab's network: the particles follow the changing field"));
    connect(train_, &QPushButton::toggled, this, &ChainControls::trainingToggled);
    form->addRow(train_);
    readStep_ = new QLabel("–");
    readDistance_ = new QLabel("–");
    readDistance_->setToolTip(
        tr("Energy distance between the particles and the training set, on every k-th "
           "particle (at most %1) and every k-th data point (at most %2)")
            .arg(ChainWorker::kDistanceParticles)
            .arg(ChainWorker::kDistanceData));
    readModel_ = new QLabel("–");
    readModel_->setWordWrap(true);
    form->addRow(tr("Chain step"), readStep_);
    form->addRow(tr("Distance"), readDistance_);
    form->addRow(tr("Model"), readModel_);
    return makeGroup(tr("Run"), form);
}

QWidget* ChainControls::buildViewGroup() {
    auto* box = new QVBoxLayout;
    showData_ = new QCheckBox(tr("Training points"));
    showLearned_ = new QCheckBox(tr("Learned arrows r(x) − x"));
    showIdeal_ = new QCheckBox(tr("Ideal arrows r*(x) − x"));
    showBasins_ = new QCheckBox(tr("Basins of the plain chain"));
    showData_->setToolTip(tr("The points the field lab's model trains on."));
    showLearned_->setToolTip(tr("The learned step r(x) − x the chain follows."));
    showIdeal_->setToolTip(tr("The step of the ideal denoiser r*(x) − x of the σ-blurred data: "
                              "the Gaussian-weighted mean of the data around x, minus x."));
    showBasins_->setToolTip(tr("Each cell coloured by the point its plain chain x ← r(x) ends at; "
                               "+ marks the attractors"));
    showData_->setChecked(true);
    for (QCheckBox* c : {showData_, showLearned_, showIdeal_, showBasins_}) {
        box->addWidget(c);
        connect(c, &QCheckBox::toggled, this, [this] { emitLayers(); });
    }
    contours_ = new QCheckBox(tr("Density contours: particles over data"));
    contours_->setToolTip(
        tr("Two contour levels of the particles' density (orange) and of the data's (dashed), "
           "both kernel estimates with a bandwidth of 1.5 grid cells: where the sampler "
           "puts too much or too little mass"));
    box->addWidget(contours_);
    connect(contours_, &QCheckBox::toggled, this, &ChainControls::contoursToggled);
    trail_ = new QSpinBox;
    trail_->setRange(1, 40);
    trail_->setValue(8);
    trail_->setSuffix(tr(" steps"));
    trail_->setToolTip(tr("How many past positions each particle's fading trail shows."));
    connect(trail_, &QSpinBox::valueChanged, this, &ChainControls::trailLengthChanged);
    auto* row = new QHBoxLayout;
    auto* trailTitle = new QLabel(tr("Trail"));
    trailTitle->setBuddy(trail_); // hides and shows with it (panel_state.h)
    row->addWidget(trailTitle);
    row->addWidget(trail_, 1);
    box->addLayout(row);
    return makeGroup(tr("Layers"), box);
}

void ChainControls::emitRule() {
    const bool noisy = rule_->currentIndex() == 1;
    injectSlider_->setEnabled(noisy);
    injectLabel_->setText(QString::number(injectSlider_->value() * kInjectPerTick, 'f', 3));
    emit ruleChanged(injection());
}

int ChainControls::annealKind() const {
    return rule_->currentIndex() >= 2 ? rule_->currentData().toInt() : -1;
}

void ChainControls::emitLayers() {
    emit layersChanged(showData_->isChecked(), showLearned_->isChecked(), showIdeal_->isChecked(),
                       showBasins_->isChecked());
}

int ChainControls::particles() const {
    return particles_->value();
}
double ChainControls::injection() const {
    return rule_->currentIndex() == 1 ? injectSlider_->value() * kInjectPerTick : 0.0;
}
bool ChainControls::idealDenoiser() const {
    return denoiser_->currentIndex() == 1;
}
void ChainControls::selectDenoiser(bool ideal) {
    denoiser_->setCurrentIndex(ideal ? 1 : 0);
}
double ChainControls::stepsPerSecond() const {
    return speed_->value();
}
int ChainControls::trailLength() const {
    return trail_->value();
}

void ChainControls::setChainPlaying(bool playing) {
    const QSignalBlocker block(play_);
    play_->setChecked(playing);
    play_->setText(playing ? tr("Pause chain") : tr("Run chain"));
}

void ChainControls::setTrainingPlaying(bool playing) {
    const QSignalBlocker block(train_);
    train_->setChecked(playing);
}

void ChainControls::showChain(long long step, int particles, double distance) {
    readStep_->setText(tr("%1  (%2 particles)").arg(step).arg(particles));
    readDistance_->setText(QString::number(distance, 'f', 4));
}

void ChainControls::showModel(long long step, double r2, double sigma) {
    readModel_->setText(
        tr("trained %1 steps, σ = %2, field fit R² = %3").arg(step).arg(sigma).arg(r2, 0, 'f', 3));
}

void ChainControls::setPresentation(bool on) {
    QFont f = font();
    f.setPointSize(on ? 15 : QFont().pointSize());
    setFont(f);
}

} // namespace aelab
