#pragma once
// The arrangement every lab shares: an error banner over the plot, a chart
// under it, and the controls in a scrolling side panel.
class QGroupBox;
class QLabel;
class QLayout;
class QSpinBox;
class QString;
class QWidget;

// A hidden, word-wrapped banner for errors the lab reports in place.
QLabel* makeErrorBanner(QWidget* parent);
// Lays out lab (which must have no layout yet) with the given parts.
void layOutLab(QWidget* lab, QLabel* banner, QWidget* plot, QWidget* chart, QWidget* controls);
// A titled group of controls for a lab's side panel.
QGroupBox* makeGroup(const QString& title, QLayout* layout);
// The seed box every lab shows (0 to 1,000,000, starting at 1) with its tooltip.
QSpinBox* makeSeedBox(const QString& toolTip);
// A minibatch size box, min to 1024, starting at 64.
QSpinBox* makeBatchBox(int min);
