#include "widgets/contour_plottable.h"

namespace aelab {

namespace {
// Where the edge from a to b (values va, vb) crosses level, linearly.
QPointF crossing(const QPointF& a, const QPointF& b, float va, float vb, float level) {
    const double t = (level - va) / double(vb - va);
    return a + t * (b - a);
}
} // namespace

QVector<QLineF> contourSegments(const QVector<float>& values, int nx, int ny, const QRectF& box,
                                float level) {
    QVector<QLineF> out;
    if (nx < 2 || ny < 2 || values.size() != qsizetype(nx) * ny) return out;
    auto centre = [&](int ix, int iy) {
        return QPointF(box.left() + (ix + 0.5) * box.width() / nx,
                       box.top() + (iy + 0.5) * box.height() / ny);
    };
    for (int iy = 0; iy + 1 < ny; ++iy)
        for (int ix = 0; ix + 1 < nx; ++ix) {
            // Corners counter-clockwise from (ix, iy); edge k joins corner k and k + 1.
            const QPointF p[4] = {centre(ix, iy), centre(ix + 1, iy), centre(ix + 1, iy + 1),
                                  centre(ix, iy + 1)};
            const float v[4] = {values[iy * nx + ix], values[iy * nx + ix + 1],
                                values[(iy + 1) * nx + ix + 1], values[(iy + 1) * nx + ix]};
            QPointF hits[4];
            int n = 0;
            for (int k = 0; k < 4; ++k) {
                const int next = (k + 1) % 4;
                if ((v[k] < level) != (v[next] < level))
                    hits[n++] = crossing(p[k], p[next], v[k], v[next], level);
            }
            // Two crossings make one segment; a saddle's four make two.
            for (int k = 0; k + 1 < n; k += 2)
                out.append(QLineF(hits[k], hits[k + 1]));
        }
    return out;
}

ContourPlottable::ContourPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {}

void ContourPlottable::setSegments(QVector<QLineF> segments) {
    segments_ = std::move(segments);
}

double ContourPlottable::selectTest(const QPointF&, bool, QVariant*) const {
    return -1;
}

QCPRange ContourPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    foundRange = false;
    return {};
}

QCPRange ContourPlottable::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const {
    foundRange = false;
    return {};
}

void ContourPlottable::draw(QCPPainter* painter) {
    if (segments_.isEmpty() || !keyAxis() || !valueAxis()) return;
    applyDefaultAntialiasingHint(painter);
    QVector<QLineF> pixels;
    pixels.reserve(segments_.size());
    for (const QLineF& s : segments_)
        pixels.append(
            QLineF(coordsToPixels(s.p1().x(), s.p1().y()), coordsToPixels(s.p2().x(), s.p2().y())));
    painter->setPen(pen());
    painter->drawLines(pixels);
}

void ContourPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->setPen(pen());
    painter->drawLine(QLineF(rect.left(), rect.center().y(), rect.right(), rect.center().y()));
}

} // namespace aelab
