#include "widgets/particle_plottable.h"

#include <algorithm>
#include <cmath>

namespace aelab {

ParticlePlottable::ParticlePlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {
    setSelectable(QCP::stNone);
    setPen(QPen(QColor(110, 30, 190)));
}

void ParticlePlottable::pushFrame(const QVector<QPointF>& positions) {
    frames_.push_back(positions);
    while (int(frames_.size()) > trailLength_)
        frames_.pop_front();
}

void ParticlePlottable::clear() {
    frames_.clear();
}

const QVector<QPointF>& ParticlePlottable::current() const {
    static const QVector<QPointF> none;
    return frames_.empty() ? none : frames_.back();
}

void ParticlePlottable::setTrailLength(int frames) {
    trailLength_ = std::max(1, frames);
    while (int(frames_.size()) > trailLength_)
        frames_.pop_front();
}

double ParticlePlottable::selectTest(const QPointF&, bool, QVariant*) const {
    return -1;
}

QCPRange ParticlePlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    QCPRange range;
    const auto& p = current();
    foundRange = !p.isEmpty();
    if (foundRange) range = QCPRange(p.first().x(), p.first().x());
    for (const QPointF& q : p)
        range.expand(q.x());
    return range;
}

QCPRange ParticlePlottable::getValueRange(bool& foundRange, QCP::SignDomain,
                                          const QCPRange&) const {
    QCPRange range;
    const auto& p = current();
    foundRange = !p.isEmpty();
    if (foundRange) range = QCPRange(p.first().y(), p.first().y());
    for (const QPointF& q : p)
        range.expand(q.y());
    return range;
}

double ParticlePlottable::trailOpacity(int particles) {
    // Fainter as they crowd: 2,000 trails at full strength merged into one
    // opaque blob; ~250 or fewer keep the old 0.55.
    return std::clamp(0.55 * std::sqrt(250.0 / std::max(1, particles)), 0.06, 0.55);
}

void ParticlePlottable::draw(QCPPainter* painter) {
    if (frames_.empty() || !keyAxis() || !valueAxis()) return;
    applyDefaultAntialiasingHint(painter);
    const QColor base = pen().color();
    // Pixel positions once per frame, then one drawLines() per trail age.
    std::vector<QVector<QPointF>> pixels;
    pixels.reserve(frames_.size());
    for (const auto& frame : frames_) {
        QVector<QPointF> px(frame.size());
        for (int i = 0; i < frame.size(); ++i)
            px[i] = coordsToPixels(frame[i].x(), frame[i].y());
        pixels.push_back(std::move(px));
    }
    const int ages = int(pixels.size()) - 1;
    QVector<QLineF> lines;
    for (int k = 0; k < ages; ++k) {
        const auto& a = pixels[k];
        const auto& b = pixels[k + 1];
        lines.clear();
        const int n = int(std::min(a.size(), b.size()));
        for (int i = 0; i < n; ++i)
            lines.append(QLineF(a[i], b[i]));
        QColor c = base;
        c.setAlphaF(float(trailOpacity(int(b.size()))) * float(k + 1) / float(ages + 1));
        painter->setPen(QPen(c, std::max(1.0, 0.45 * dotSize_), Qt::SolidLine, Qt::RoundCap));
        painter->drawLines(lines);
    }
    painter->setPen(QPen(base, dotSize_, Qt::SolidLine, Qt::RoundCap));
    painter->drawPoints(pixels.back().constData(), int(pixels.back().size()));
}

void ParticlePlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    QColor faded = pen().color();
    faded.setAlphaF(0.35f);
    painter->setPen(QPen(faded, 1.5));
    painter->drawLine(
        QLineF(rect.left() + 2, rect.center().y(), rect.right() - 5, rect.center().y()));
    painter->setPen(QPen(pen().color(), 5, Qt::SolidLine, Qt::RoundCap));
    painter->drawPoint(QPointF(rect.right() - 4, rect.center().y()));
}

} // namespace aelab
