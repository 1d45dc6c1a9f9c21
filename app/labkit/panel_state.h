#pragma once
// A lab panel's named controls as JSON and back. Every control a user sets
// (combo box, spin box, slider, check box, checkable button) that has an
// objectName takes part: sessions save them, lessons set and hide them, undo
// restores them. A new lab gets all of that by naming its controls.
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <functional>

class QWidget;

namespace aelab {

// The named controls under panel, in a stable order.
QList<QWidget*> namedControls(const QWidget* panel);
// {name: value}: a combo box's item data (or its text when it has none), a
// number, or a bool.
QJsonObject readControls(const QWidget* panel);
// Sets each named control as if the user had (the panel's signals fire; a
// data menu loads its data). Controls already at the value are left alone.
// Returns the names it could not apply (unknown, or a value the control
// does not offer).
QStringList applyControls(QWidget* panel, const QJsonObject& values);
// One control's value as readControls writes it, and setting it as
// applyControls does (false: a value the control does not offer).
QJsonValue controlValue(const QWidget* control);
bool applyControlValue(QWidget* control, const QJsonValue& value);
// Hides the named controls with their form rows (or the labels whose buddy
// they are) and shows all others.
void setControlsHidden(QWidget* panel, const QStringList& names);
// The control's label in its form, or its tooltip's first sentence, or its name.
QString controlTitle(const QWidget* control);
// Calls edited() after any named control changes (sessions and lessons
// applying values included: callers guard against their own changes).
void watchControls(const QWidget* panel, QObject* context, const std::function<void()>& edited);

} // namespace aelab
