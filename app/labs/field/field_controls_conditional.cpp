// The field lab's model kind: one sigma, or the noise-conditional r(x, sigma)
// trained over a range of levels (docs/references.md §5), with that range.
#include "app/labs/field/field_controls.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>

namespace aelab {

QWidget* FieldControls::buildConditionalGroup() {
    auto* box = new QGroupBox(tr("Noise levels"), this);
    auto* form = new QFormLayout(box);
    model_ = new QComboBox(box);
    model_->addItem(tr("one σ: r(x)"), int(aelab::FieldModelKind::SingleSigma));
    model_->addItem(tr("noise-conditional: r(x, σ)"), int(aelab::FieldModelKind::NoiseConditional));
    model_->setToolTip(
        tr("One network per σ, or one network for every σ in a range, with σ as an input "
           "(trained on ‖r(x + σε, σ) − x‖² / σ², σ log-uniform): the σ slider then moves "
           "through its levels without retraining, and the chain lab can anneal "
           "(⟳: applies when you press Reset, R)"));
    form->addRow(tr("Model ⟳"), model_);
    sigmaLow_ = new QDoubleSpinBox(box);
    sigmaHigh_ = new QDoubleSpinBox(box);
    for (auto* spin : {sigmaLow_, sigmaHigh_}) {
        spin->setDecimals(3);
        spin->setRange(0.005, 3.0);
        spin->setSingleStep(0.01);
    }
    sigmaLow_->setToolTip(tr("The smallest noise level trained and sampled"));
    sigmaHigh_->setToolTip(tr("The largest noise level: about the data's diameter"));
    levels_ = new QSpinBox(box);
    levels_->setRange(2, 100);
    levels_->setToolTip(
        tr("Levels of the geometric ladder σ_max … σ_min: the fit chart's points and the "
           "annealed samplers' stages"));
    form->addRow(tr("σ min"), sigmaLow_);
    form->addRow(tr("σ max"), sigmaHigh_);
    form->addRow(tr("Levels"), levels_);
    connect(model_, &QComboBox::currentIndexChanged, this, [this] { readWidgets(); });
    for (auto* spin : {sigmaLow_, sigmaHigh_})
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this] { readWidgets(); });
    connect(levels_, &QSpinBox::valueChanged, this, [this] { readWidgets(); });
    return box;
}

void FieldControls::writeConditional() {
    model_->setCurrentIndex(model_->findData(int(config_.model)));
    sigmaLow_->setValue(config_.sigmaMin);
    sigmaHigh_->setValue(config_.sigmaMax);
    levels_->setValue(config_.levels);
    enableRange(config_.conditional());
}

// The range means something only to a noise-conditional model.
void FieldControls::enableRange(bool on) {
    sigmaLow_->setEnabled(on);
    sigmaHigh_->setEnabled(on);
    levels_->setEnabled(on);
}

// Reads the group into c; true when a live setting (the range) changed.
bool FieldControls::readConditional(aelab::FieldConfig& c) {
    c.model = aelab::FieldModelKind(model_->currentData().toInt());
    c.sigmaMin = float(std::min(sigmaLow_->value(), sigmaHigh_->value()));
    c.sigmaMax = float(std::max(sigmaLow_->value(), sigmaHigh_->value()));
    c.levels = levels_->value();
    enableRange(c.conditional());
    return c.sigmaMin != config_.sigmaMin || c.sigmaMax != config_.sigmaMax ||
           c.levels != config_.levels;
}

} // namespace aelab
