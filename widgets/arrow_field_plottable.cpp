#include "widgets/arrow_field_plottable.h"

#include <cmath>

namespace aelab {

ArrowFieldPlottable::ArrowFieldPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {
    setSelectable(QCP::stNone);
}

void ArrowFieldPlottable::setArrows(QVector<Arrow> arrows) {
    arrows_ = std::move(arrows);
}

double ArrowFieldPlottable::selectTest(const QPointF&, bool, QVariant*) const {
    return -1;
}

QCPRange ArrowFieldPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    QCPRange range;
    foundRange = !arrows_.isEmpty();
    if (foundRange) range = QCPRange(arrows_.first().from.x(), arrows_.first().from.x());
    for (const auto& a : arrows_)
        range.expand(a.from.x());
    return range;
}

QCPRange ArrowFieldPlottable::getValueRange(bool& foundRange, QCP::SignDomain,
                                            const QCPRange&) const {
    QCPRange range;
    foundRange = !arrows_.isEmpty();
    if (foundRange) range = QCPRange(arrows_.first().from.y(), arrows_.first().from.y());
    for (const auto& a : arrows_)
        range.expand(a.from.y());
    return range;
}

void ArrowFieldPlottable::appendArrow(QVector<QLineF>& lines, const QPointF& a,
                                      const QPointF& b) const {
    const QPointF v = b - a;
    const double len = std::hypot(v.x(), v.y());
    if (len < 0.5) return; // under a pixel: a dot would only add noise
    lines.append(QLineF(a, b));
    // Heads scale down with short arrows so they never outgrow the shaft.
    const double head = std::min(headLength_, 0.45 * len);
    const QPointF u = v / len, n(-u.y(), u.x());
    lines.append(QLineF(b, b - head * u + 0.5 * head * n));
    lines.append(QLineF(b, b - head * u - 0.5 * head * n));
}

void ArrowFieldPlottable::draw(QCPPainter* painter) {
    QCPAxis* kx = keyAxis();
    QCPAxis* vy = valueAxis();
    if (!kx || !vy || arrows_.isEmpty()) return;
    QVector<QLineF> lines;
    lines.reserve(arrows_.size() * 3);
    for (const auto& a : arrows_) {
        const QPointF p0 = coordsToPixels(a.from.x(), a.from.y());
        const QPointF p1 = coordsToPixels(a.from.x() + a.delta.x(), a.from.y() + a.delta.y());
        appendArrow(lines, p0, p1);
    }
    applyDefaultAntialiasingHint(painter);
    drawStrokes(painter, lines);
}

namespace {
// The colour a translucent pen shows over white, as an opaque one.
QColor overWhite(const QColor& c) {
    const double a = c.alphaF();
    auto mix = [a](int v) { return int(std::lround(a * v + (1 - a) * 255)); };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}
} // namespace

void ArrowFieldPlottable::drawStrokes(QCPPainter* painter, const QVector<QLineF>& lines) const {
    const QPen wide = pen();
    const QPaintEngine* engine = painter->paintEngine();
    const bool raster = engine && engine->type() == QPaintEngine::Raster;
    if (!raster || wide.widthF() <= 1.0) { // vector exports keep the real pen
        painter->setPen(wide);
        painter->drawLines(lines);
        return;
    }
    // On screen, wide antialiased lines go through Qt's stroker: a 32 x 32
    // field of 3.5 px arrows took 47 ms a frame. Parallel 1 px lines take the
    // raster engine's fast path (3 ms) and look the same; they are drawn
    // opaque because their overlaps would darken a translucent colour.
    const int strokes = std::max(1, int(std::lround(wide.widthF())));
    painter->setPen(QPen(overWhite(wide.color()), 1.0));
    QVector<QLineF> shifted(lines.size());
    for (int k = 0; k < strokes; ++k) {
        const double offset = k - 0.5 * (strokes - 1);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QLineF& l = lines[i];
            const double len = std::max(1e-9, l.length());
            const QPointF n(-l.dy() / len * offset, l.dx() / len * offset);
            shifted[i] = l.translated(n);
        }
        painter->drawLines(shifted);
    }
}

void ArrowFieldPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    QVector<QLineF> lines;
    const double y = rect.center().y();
    appendArrow(lines, QPointF(rect.left() + 2, y), QPointF(rect.right() - 2, y));
    painter->setPen(pen());
    painter->drawLines(lines);
}

} // namespace aelab
