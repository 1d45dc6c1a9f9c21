// What a reader or a recording gets of the field plot. The hover readout: at
// the cursor, the learned and the ideal field, the log-density of the blurred
// data and, in the chain lab, the basin the cell drains to (the grid cell's
// values, the same numbers the arrows and the heat map draw). The recording
// area: the data's box and the title, without the margins beside it.
#include "widgets/field_plot.h"

#include <QMouseEvent>

#include <cmath>

namespace aelab {

namespace {
QString pair(double x, double y) {
    return QStringLiteral("(%1, %2)").arg(x, 0, 'f', 3).arg(y, 0, 'f', 3);
}
} // namespace

void FieldPlot::setUpHover() {
    setMouseTracking(true);
    hover_ = new QCPItemText(this);
    hover_->setLayer("overlay");
    hover_->setClipToAxisRect(false);
    hover_->position->setType(QCPItemPosition::ptAbsolute);
    hover_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    hover_->setTextAlignment(Qt::AlignLeft);
    hover_->setBrush(QColor(255, 255, 240, 235));
    hover_->setPen(QPen(QColor(150, 150, 150)));
    hover_->setPadding(QMargins(6, 4, 6, 4));
    hover_->setVisible(false);
}

bool FieldPlot::readoutShown() const {
    return hover_->visible();
}

QRect FieldPlot::recordingArea() const {
    if (!lastBox_.isValid()) return rect();
    const int left = int(xAxis->coordToPixel(lastBox_.left()));
    const int right = int(xAxis->coordToPixel(lastBox_.right()));
    // Wide enough for the title's text; the x tick labels below are kept.
    const int titleWidth = QFontMetrics(title_->font()).horizontalAdvance(title_->text()) + 24;
    const int half = std::max((right - left) / 2 + 12, titleWidth / 2);
    const int centre = (left + right) / 2;
    const QRect area(QPoint(centre - half, title_->outerRect().top()),
                     QPoint(centre + half, axisRect()->outerRect().bottom()));
    return area.intersected(rect());
}

void FieldPlot::resetView() {
    frameBox();
    replot(QCustomPlot::rpQueuedReplot);
}

QString FieldPlot::readoutAt(const QPointF& at) const {
    const FieldViewData& d = data_;
    if (!d.hasField() || !d.box.contains(at)) return {};
    const int ix = std::clamp(int((at.x() - d.box.left()) / d.box.width() * d.nx), 0, d.nx - 1);
    const int iy = std::clamp(int((at.y() - d.box.top()) / d.box.height() * d.ny), 0, d.ny - 1);
    const int i = iy * d.nx + ix;
    QStringList lines{tr("x = %1").arg(pair(at.x(), at.y())),
                      tr("learned r(x) − x = %1").arg(pair(d.dx[i], d.dy[i]))};
    if (i < d.idealDx.size())
        lines << tr("ideal r*(x) − x = %1").arg(pair(d.idealDx[i], d.idealDy[i]));
    if (i < d.logDensity.size())
        lines << tr("log p_σ(x) = %1").arg(double(d.logDensity[i]), 0, 'f', 2);
    if (showBasins_ && basins_.isValid() && basins_.box.contains(at)) {
        const int bx =
            std::clamp(int((at.x() - basins_.box.left()) / basins_.box.width() * basins_.nx), 0,
                       basins_.nx - 1);
        const int by =
            std::clamp(int((at.y() - basins_.box.top()) / basins_.box.height() * basins_.ny), 0,
                       basins_.ny - 1);
        const int label = basins_.label[by * basins_.nx + bx];
        lines << (label >= 0 && label < basins_.attractors.size()
                      ? tr("basin of the attractor at %1")
                            .arg(pair(basins_.attractors[label].x(), basins_.attractors[label].y()))
                      : tr("basin: none (the chain leaves the box)"));
    }
    return lines.join('\n');
}

void FieldPlot::showReadout(const QPointF& pixel) {
    const QString text =
        axisRect()->rect().contains(pixel.toPoint())
            ? readoutAt({xAxis->pixelToCoord(pixel.x()), yAxis->pixelToCoord(pixel.y())})
            : QString();
    const bool was = hover_->visible();
    hover_->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        hover_->setText(text);
        // Beside the cursor, flipped to stay inside the plot near its edges.
        const QFontMetrics m(hover_->font());
        const QSize box = m.size(0, text) + QSize(14, 10);
        const double x =
            pixel.x() + 16 + box.width() > width() ? pixel.x() - 12 - box.width() : pixel.x() + 16;
        const double y = pixel.y() + 16 + box.height() > height() ? pixel.y() - 12 - box.height()
                                                                  : pixel.y() + 16;
        hover_->position->setCoords(x, y);
    }
    if (was || hover_->visible()) layer("overlay")->replot();
}

void FieldPlot::leaveEvent(QEvent* event) {
    hover_->setVisible(false);
    layer("overlay")->replot();
    QCustomPlot::leaveEvent(event);
}

} // namespace aelab
