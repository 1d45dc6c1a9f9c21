#pragma once
// The arrangement every lab shares: an error banner over the plot, a chart
// under it, and the controls in a scrolling side panel.
class QLabel;
class QWidget;

// A hidden, word-wrapped banner for errors the lab reports in place.
QLabel* makeErrorBanner(QWidget* parent);
// Lays out lab (which must have no layout yet) with the given parts.
void layOutLab(QWidget* lab, QLabel* banner, QWidget* plot, QWidget* chart, QWidget* controls);
