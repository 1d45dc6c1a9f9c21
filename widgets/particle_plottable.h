#pragma once
// Chain particles with fading trails. Each pushed frame is one chain step;
// the last few frames are kept and joined particle by particle, older
// segments paler. Thousands of particles cost a handful of drawLines() and
// drawPoints() calls, so the animation stays smooth.
#include <qcustomplot.h>
#include <deque>

namespace aelab {

class ParticlePlottable : public QCPAbstractPlottable {
    Q_OBJECT
  public:
    ParticlePlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    // Positions after one more step. Particle i of one frame is particle i of
    // the next; particles added by a burst simply have no trail yet.
    void pushFrame(const QVector<QPointF>& positions);
    void clear();
    const QVector<QPointF>& current() const;
    int particleCount() const { return int(current().size()); }
    // Frames kept for the trail (1: dots only).
    void setTrailLength(int frames);
    int trailLength() const { return trailLength_; }
    void setDotSize(double pixels) { dotSize_ = pixels; }
    // The newest trail segment's opacity with this many particles.
    static double trailOpacity(int particles);

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

  protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

  private:
    std::deque<QVector<QPointF>> frames_; // oldest first
    int trailLength_ = 8;
    double dotSize_ = 3.5;
};

} // namespace aelab
