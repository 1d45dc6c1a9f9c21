#pragma once
// Contour lines of a gridded density (marching squares), drawn as thin
// segments: the chain lab's "particles over data" layer.
#include <qcustomplot.h>

namespace aelab {

// The segments, in the grid's coordinates (box, cell centres), where the
// row-major values [iy * nx + ix] cross level.
QVector<QLineF> contourSegments(const QVector<float>& values, int nx, int ny, const QRectF& box,
                                float level);

class ContourPlottable : public QCPAbstractPlottable {
    Q_OBJECT
  public:
    ContourPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);
    void setSegments(QVector<QLineF> segments);
    const QVector<QLineF>& segments() const { return segments_; }

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
    QVector<QLineF> segments_;
};

} // namespace aelab
