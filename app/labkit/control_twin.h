#pragma once
// Stand-ins for a lab's controls in presentation mode's slim strip. A twin
// edits its original as a user would (the lab reacts exactly as to the
// panel), and follows the original when anything else changes it.
#include <QString>

class QWidget;

namespace aelab {

// A twin of original (a button, combo box, spin box, slider or check box)
// as a child of parent; nullptr for any other kind of widget.
QWidget* makeTwin(QWidget* original, QWidget* parent);
// The text a strip shows before a value control's twin (none for buttons
// and check boxes, which carry their own).
QString twinTitle(const QWidget* original);

} // namespace aelab
