#include "widgets/plot_export.h"
#include "core/io/atomic_file.h"

#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <qcustomplot.h>

#include <functional>

namespace aelab {

namespace {
// Draws with `paint` into an SVG or PDF file of the given size. Plots need
// QCustomPlot's own painter, other views a plain one.
template <typename Painter, typename Paint>
bool paintVector(const QString& file, const QString& suffix, QSize size, Paint paint) {
    Painter painter;
    if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setFileName(file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QStringLiteral("Autoencoder Lab"));
        if (!painter.begin(&svg)) return false;
        paint(painter);
        return painter.end();
    }
    QPdfWriter pdf(file);
    pdf.setTitle(QStringLiteral("Autoencoder Lab"));
    pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(72); // one point a pixel: the page is the view's size
    if (!painter.begin(&pdf)) return false;
    paint(painter);
    return painter.end();
}

// The format checks and the atomic write shared by both exports: `write`
// fills a temporary file that replaces path only once complete.
bool exportTo(const QString& path, QString* error,
              const std::function<bool(const QString& file, const QString& suffix)>& write) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != "png" && suffix != "svg" && suffix != "pdf") {
        if (error)
            *error = QStringLiteral("%1: unknown image format \"%2\" (use .png, .svg or .pdf)")
                         .arg(path, suffix);
        return false;
    }
    std::string why;
    const bool ok = aelab::tryWriteAtomically(
        path.toStdString(),
        [&](const std::string& temp) { return write(QString::fromStdString(temp), suffix); }, &why);
    if (!ok && error) *error = QString::fromStdString(why);
    return ok;
}
} // namespace

bool exportPlot(QCustomPlot* plot, const QString& path, int width, int height, QString* error) {
    const int w = width > 0 ? width : plot->width();
    const int h = height > 0 ? height : plot->height();
    return exportTo(path, error, [&](const QString& file, const QString& suffix) {
        if (suffix == "png") return plot->savePng(file, w, h);
        if (suffix == "pdf") return plot->savePdf(file, w, h);
        return paintVector<QCPPainter>(file, suffix, QSize(w, h),
                                       [&](QCPPainter& p) { plot->toPainter(&p, w, h); });
    });
}

bool exportWidget(QWidget* view, const QString& path, QString* error) {
    return exportTo(path, error, [&](const QString& file, const QString& suffix) {
        if (suffix == "png") return view->grab().save(file, "PNG");
        return paintVector<QPainter>(file, suffix, view->size(),
                                     [&](QPainter& p) { view->render(&p); });
    });
}

bool exportImage(const QImage& image, const QString& path, QString* error) {
    return exportTo(path, error, [&](const QString& file, const QString& suffix) {
        if (suffix == "png") return image.save(file, "PNG");
        return paintVector<QPainter>(file, suffix, image.size(),
                                     [&](QPainter& p) { p.drawImage(0, 0, image); });
    });
}

} // namespace aelab
