#include "app/labkit/control_twin.h"
#include "app/labkit/panel_state.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPointer>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>

namespace aelab {

namespace {

// Copies what a button shows (its text changes with the state: "Train" /
// "Pause") and whether it can be pressed; a timer, as Qt has no signal for a
// button's text.
QWidget* buttonTwin(QAbstractButton* original, QWidget* parent) {
    auto* twin = new QPushButton(parent);
    QPointer<QAbstractButton> source(original);
    auto sync = [twin, source] {
        if (!source) return;
        twin->setText(source->text());
        twin->setToolTip(source->toolTip());
        twin->setCheckable(source->isCheckable());
        twin->setChecked(source->isChecked());
        twin->setEnabled(source->isEnabled());
    };
    sync();
    QObject::connect(twin, &QPushButton::clicked, twin, [source, sync] {
        if (source) source->click();
        sync();
    });
    auto* timer = new QTimer(twin);
    QObject::connect(timer, &QTimer::timeout, twin, sync);
    timer->start(200);
    return twin;
}

// Edits reach the original through applyControlValue, the path sessions and
// lessons take, so every signal the lab listens to fires.
void sendTo(QWidget* original, const QJsonValue& value) {
    applyControlValue(original, value);
}

QWidget* comboTwin(QComboBox* original, QWidget* parent) {
    auto* twin = new QComboBox(parent);
    for (int i = 0; i < original->count(); ++i)
        if (original->itemData(i).toString() != "folder") // opens a dialog: panel only
            twin->addItem(original->itemText(i), original->itemData(i));
    twin->setToolTip(original->toolTip());
    auto follow = [twin, original] {
        const QSignalBlocker quiet(twin);
        twin->setCurrentIndex(twin->findText(original->currentText()));
    };
    follow();
    QObject::connect(original, &QComboBox::currentIndexChanged, twin, follow);
    QObject::connect(twin, &QComboBox::activated, twin, [twin, original](int i) {
        const QVariant data = twin->itemData(i);
        sendTo(original,
               QJsonValue(data.isValid() && !data.toString().isEmpty() ? data.toString()
                                                                       : twin->itemText(i)));
    });
    return twin;
}

template <class Box> void copyRange(const Box* from, Box* to) {
    to->setRange(from->minimum(), from->maximum());
    to->setSingleStep(from->singleStep());
    to->setPrefix(from->prefix());
    to->setSuffix(from->suffix());
    to->setToolTip(from->toolTip());
    to->setKeyboardTracking(false);
    to->setValue(from->value());
}

template <class Box> QWidget* boxTwin(Box* original, QWidget* parent) {
    auto* twin = new Box(parent);
    if constexpr (std::is_same_v<Box, QDoubleSpinBox>) twin->setDecimals(original->decimals());
    copyRange(original, twin);
    QObject::connect(original, &Box::valueChanged, twin, [twin](auto v) {
        const QSignalBlocker quiet(twin);
        twin->setValue(v);
    });
    QObject::connect(twin, &Box::valueChanged, twin,
                     [original](auto v) { sendTo(original, QJsonValue(double(v))); });
    return twin;
}

QWidget* checkTwin(QCheckBox* original, QWidget* parent) {
    auto* twin = new QCheckBox(original->text(), parent);
    twin->setChecked(original->isChecked());
    twin->setToolTip(original->toolTip());
    QObject::connect(original, &QCheckBox::toggled, twin, [twin](bool on) {
        const QSignalBlocker quiet(twin);
        twin->setChecked(on);
    });
    QObject::connect(twin, &QCheckBox::toggled, twin,
                     [original](bool on) { sendTo(original, QJsonValue(on)); });
    return twin;
}

QWidget* sliderTwin(QSlider* original, QWidget* parent) {
    auto* twin = new QSlider(Qt::Horizontal, parent);
    twin->setRange(original->minimum(), original->maximum());
    twin->setValue(original->value());
    twin->setMinimumWidth(160);
    QObject::connect(original, &QSlider::valueChanged, twin, [twin](int v) {
        const QSignalBlocker quiet(twin);
        twin->setValue(v);
    });
    QObject::connect(twin, &QSlider::valueChanged, twin,
                     [original](int v) { sendTo(original, QJsonValue(v)); });
    return twin;
}

} // namespace

QWidget* makeTwin(QWidget* original, QWidget* parent) {
    if (auto* c = qobject_cast<QComboBox*>(original)) return comboTwin(c, parent);
    if (auto* s = qobject_cast<QSpinBox*>(original)) return boxTwin(s, parent);
    if (auto* s = qobject_cast<QDoubleSpinBox*>(original)) return boxTwin(s, parent);
    if (auto* s = qobject_cast<QSlider*>(original)) return sliderTwin(s, parent);
    if (auto* c = qobject_cast<QCheckBox*>(original)) return checkTwin(c, parent);
    if (auto* b = qobject_cast<QAbstractButton*>(original)) return buttonTwin(b, parent);
    return nullptr;
}

QString twinTitle(const QWidget* original) {
    if (qobject_cast<const QAbstractButton*>(original)) return {};
    return controlTitle(original);
}

} // namespace aelab
