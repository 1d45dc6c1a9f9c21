#include "arrow_field_plottable.h"

#include <cmath>

ArrowFieldPlottable::ArrowFieldPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {
    setSelectable(QCP::stNone);
}

void ArrowFieldPlottable::setArrows(QVector<Arrow> arrows) { arrows_ = std::move(arrows); }

double ArrowFieldPlottable::selectTest(const QPointF&, bool, QVariant*) const { return -1; }

QCPRange ArrowFieldPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    QCPRange range;
    foundRange = !arrows_.isEmpty();
    if (foundRange) range = QCPRange(arrows_.first().from.x(), arrows_.first().from.x());
    for (const auto& a : arrows_) range.expand(a.from.x());
    return range;
}

QCPRange ArrowFieldPlottable::getValueRange(bool& foundRange, QCP::SignDomain,
                                            const QCPRange&) const {
    QCPRange range;
    foundRange = !arrows_.isEmpty();
    if (foundRange) range = QCPRange(arrows_.first().from.y(), arrows_.first().from.y());
    for (const auto& a : arrows_) range.expand(a.from.y());
    return range;
}

void ArrowFieldPlottable::appendArrow(QVector<QLineF>& lines, const QPointF& a,
                                      const QPointF& b) const {
    const QPointF v = b - a;
    const double len = std::hypot(v.x(), v.y());
    if (len < 0.5) return;  // under a pixel: a dot would only add noise
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
    painter->setPen(pen());
    painter->drawLines(lines);
}

void ArrowFieldPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    QVector<QLineF> lines;
    const double y = rect.center().y();
    appendArrow(lines, QPointF(rect.left() + 2, y), QPointF(rect.right() - 2, y));
    painter->setPen(pen());
    painter->drawLines(lines);
}
