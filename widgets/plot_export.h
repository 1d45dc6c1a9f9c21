#pragma once
// Exports any QCustomPlot to PNG, SVG or PDF, chosen by the file suffix.
#include <QString>

class QCustomPlot;

// width/height 0 mean the widget's current size. Returns false and sets
// *error (naming the file) when the suffix is unknown or the write fails.
bool exportPlot(QCustomPlot* plot, const QString& path, int width = 0, int height = 0,
                QString* error = nullptr);
