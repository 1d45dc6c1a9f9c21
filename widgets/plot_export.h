#pragma once
// Exports any QCustomPlot to PNG, SVG or PDF, chosen by the file suffix.
#include <QString>

class QCustomPlot;
class QImage;
class QWidget;

namespace aelab {

// width/height 0 mean the widget's current size. Returns false and sets
// *error (naming the file) when the suffix is unknown or the write fails.
bool exportPlot(QCustomPlot* plot, const QString& path, int width = 0, int height = 0,
                QString* error = nullptr);

// Any view (image grids, panels of several plots) as it is drawn now: PNG
// pixels, or SVG and PDF pages with the view's drawing scaled to fit. The
// same suffixes and errors as exportPlot.
bool exportWidget(QWidget* view, const QString& path, QString* error = nullptr);

// A rendered image (the field's small multiples): the same suffixes, errors
// and atomic write.
bool exportImage(const QImage& image, const QString& path, QString* error = nullptr);

} // namespace aelab
