#include "app/labkit/panel_state.h"
#include "app/labkit/lab_layout.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>

namespace aelab {

namespace {

bool isControl(const QWidget* w) {
    if (w->objectName().isEmpty() || w->objectName().startsWith("qt_")) return false;
    if (qobject_cast<const QComboBox*>(w) || qobject_cast<const QSpinBox*>(w) ||
        qobject_cast<const QDoubleSpinBox*>(w) || qobject_cast<const QSlider*>(w))
        return true;
    auto* button = qobject_cast<const QAbstractButton*>(w);
    return button && button->isCheckable();
}

} // namespace

QJsonValue controlValue(const QWidget* w) {
    if (auto* c = qobject_cast<const QComboBox*>(w)) {
        const QVariant data = c->currentData();
        return data.isValid() && !data.toString().isEmpty() ? data.toString() : c->currentText();
    }
    if (auto* s = qobject_cast<const QSpinBox*>(w)) return s->value();
    if (auto* s = qobject_cast<const QDoubleSpinBox*>(w)) return s->value();
    if (auto* s = qobject_cast<const QSlider*>(w)) return s->value();
    return static_cast<const QAbstractButton*>(w)->isChecked();
}

namespace {

bool applyCombo(QComboBox* c, const QJsonValue& v) {
    if (!v.isString()) return false;
    const QString text = v.toString();
    if (c->property(kDataMenuProperty).toBool()) {
        if (dataIn(c) == text) return true;
        if (text == "folder") return false; // the entry that opens a dialog
        showDataIn(c, text);
        emit c->activated(c->currentIndex()); // loads it, as a user's choice would
        return true;
    }
    // Item data as text ("3" for an enum's 3): Qt 6 does not equate a string
    // with a number, so findData would miss it.
    int i = -1;
    for (int k = 0; k < c->count() && i < 0; ++k)
        if (c->itemData(k).toString() == text && !text.isEmpty()) i = k;
    if (i < 0) i = c->findText(text);
    if (i < 0) return false;
    if (i != c->currentIndex()) {
        c->setCurrentIndex(i);
        emit c->activated(i);
    }
    return true;
}

} // namespace

bool applyControlValue(QWidget* w, const QJsonValue& v) {
    if (auto* c = qobject_cast<QComboBox*>(w)) return applyCombo(c, v);
    if (!v.isDouble() && !v.isBool()) return false;
    if (auto* s = qobject_cast<QSpinBox*>(w)) {
        const int value = v.toInt();
        if (value < s->minimum() || value > s->maximum()) return false;
        if (value != s->value()) {
            s->setValue(value);
            emit s->editingFinished(); // some boxes act when editing ends
        }
        return true;
    }
    if (auto* s = qobject_cast<QDoubleSpinBox*>(w)) {
        const double value = v.toDouble();
        if (value < s->minimum() || value > s->maximum()) return false;
        s->setValue(value);
        return true;
    }
    if (auto* s = qobject_cast<QSlider*>(w)) {
        const int value = v.toInt();
        if (value < s->minimum() || value > s->maximum()) return false;
        s->setValue(value);
        return true;
    }
    if (!v.isBool()) return false;
    static_cast<QAbstractButton*>(w)->setChecked(v.toBool());
    return true;
}

namespace {

// The form layout that holds w, if any.
QFormLayout* formOf(const QWidget* w) {
    return w->parentWidget() ? qobject_cast<QFormLayout*>(w->parentWidget()->layout()) : nullptr;
}

bool layoutHolds(const QLayout* layout, const QWidget* w) {
    for (int i = 0; layout && i < layout->count(); ++i) {
        QLayoutItem* item = layout->itemAt(i);
        if (item->widget() == w || layoutHolds(item->layout(), w)) return true;
    }
    return false;
}

// The form row whose field is w or a layout holding w (a slider with its
// value label beside it); -1 if none.
int formRowOf(const QFormLayout* form, const QWidget* w) {
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem* field = form->itemAt(row, QFormLayout::FieldRole);
        if (!field) field = form->itemAt(row, QFormLayout::SpanningRole);
        if (field && (field->widget() == w || layoutHolds(field->layout(), w))) return row;
    }
    return -1;
}

} // namespace

QList<QWidget*> namedControls(const QWidget* panel) {
    QList<QWidget*> out;
    for (QWidget* w : panel->findChildren<QWidget*>())
        if (isControl(w)) out << w;
    return out;
}

QJsonObject readControls(const QWidget* panel) {
    QJsonObject values;
    for (const QWidget* w : namedControls(panel))
        values.insert(w->objectName(), controlValue(w));
    return values;
}

QStringList applyControls(QWidget* panel, const QJsonObject& values) {
    QStringList failed;
    const QList<QWidget*> controls = namedControls(panel);
    // In the panel's order, so a data menu is set before what depends on it.
    for (QWidget* w : controls)
        if (values.contains(w->objectName()) &&
            !applyControlValue(w, values.value(w->objectName())))
            failed << w->objectName();
    for (auto it = values.begin(); it != values.end(); ++it)
        if (!std::any_of(controls.begin(), controls.end(),
                         [&](QWidget* w) { return w->objectName() == it.key(); }))
            failed << it.key();
    return failed;
}

void setControlsHidden(QWidget* panel, const QStringList& names) {
    for (QWidget* w : namedControls(panel)) {
        const bool hide = names.contains(w->objectName());
        QFormLayout* form = formOf(w);
        if (const int row = form ? formRowOf(form, w) : -1; row >= 0) {
            form->setRowVisible(row, !hide);
        } else {
            w->setVisible(!hide);
            for (QLabel* title : panel->findChildren<QLabel*>()) // outside a form: its buddy
                if (title->buddy() == w) title->setVisible(!hide);
        }
    }
}

QString controlTitle(const QWidget* control) {
    if (!control->accessibleName().isEmpty()) return control->accessibleName();
    if (QFormLayout* form = formOf(control))
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(const_cast<QWidget*>(control))))
            if (!label->text().isEmpty()) return label->text().remove('&');
    if (auto* button = qobject_cast<const QAbstractButton*>(control))
        if (!button->text().isEmpty()) return button->text().remove('&');
    const QString tip = control->toolTip().section('.', 0, 0);
    return tip.isEmpty() || tip.contains('<') ? control->objectName() : tip;
}

void watchControls(const QWidget* panel, QObject* context, const std::function<void()>& edited) {
    for (QWidget* w : namedControls(panel)) {
        if (auto* c = qobject_cast<QComboBox*>(w))
            QObject::connect(c, &QComboBox::currentIndexChanged, context, edited);
        else if (auto* spin = qobject_cast<QSpinBox*>(w))
            QObject::connect(spin, &QSpinBox::valueChanged, context, edited);
        else if (auto* real = qobject_cast<QDoubleSpinBox*>(w))
            QObject::connect(real, &QDoubleSpinBox::valueChanged, context, edited);
        else if (auto* slider = qobject_cast<QSlider*>(w))
            QObject::connect(slider, &QSlider::valueChanged, context, edited);
        else if (auto* b = qobject_cast<QAbstractButton*>(w))
            QObject::connect(b, &QAbstractButton::toggled, context, edited);
    }
}

} // namespace aelab
