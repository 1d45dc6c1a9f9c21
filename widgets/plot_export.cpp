#include "plot_export.h"

#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <qcustomplot.h>

bool exportPlot(QCustomPlot* plot, const QString& path, int width, int height, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int w = width > 0 ? width : plot->width();
    const int h = height > 0 ? height : plot->height();
    bool ok = false;
    if (suffix == "png") {
        ok = plot->savePng(path, w, h);
    } else if (suffix == "pdf") {
        ok = plot->savePdf(path, w, h);
    } else if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(QSize(w, h));
        svg.setViewBox(QRect(0, 0, w, h));
        svg.setTitle(QStringLiteral("Autoencoder Lab plot"));
        QCPPainter painter;
        if (painter.begin(&svg)) {
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        if (error)
            *error = QStringLiteral("%1: unknown image format \"%2\" (use .png, .svg or .pdf)")
                         .arg(path, suffix);
        return false;
    }
    if (!ok && error) *error = QStringLiteral("%1: could not write the file").arg(path);
    return ok;
}

bool exportWidget(QWidget* view, const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size = view->size();
    bool ok = false;
    if (suffix == "png") {
        ok = view->grab().save(path, "PNG");
    } else if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QStringLiteral("Autoencoder Lab view"));
        QPainter painter;
        if (painter.begin(&svg)) {
            view->render(&painter);
            ok = painter.end();
        }
    } else if (suffix == "pdf") {
        QPdfWriter pdf(path);
        pdf.setTitle(QStringLiteral("Autoencoder Lab view"));
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(72); // one point a pixel: the page is the view's size
        QPainter painter;
        if (painter.begin(&pdf)) {
            view->render(&painter);
            ok = painter.end();
        }
    } else {
        if (error)
            *error = QStringLiteral("%1: unknown image format \"%2\" (use .png, .svg or .pdf)")
                         .arg(path, suffix);
        return false;
    }
    ok = ok && QFileInfo(path).size() > 0;
    if (!ok && error) *error = QStringLiteral("%1: could not write the file").arg(path);
    return ok;
}
