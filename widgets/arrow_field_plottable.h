#pragma once
// A quiver plot for QCustomPlot: thousands of arrows drawn with two
// drawLines() calls, where one QCPItemLine per arrow would crawl.
#include <qcustomplot.h>

namespace aelab {

class ArrowFieldPlottable : public QCPAbstractPlottable {
    Q_OBJECT
  public:
    struct Arrow {
        QPointF from;  // tail, in data coordinates
        QPointF delta; // vector, in data coordinates (already scaled for display)
    };

    ArrowFieldPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);
    void setArrows(QVector<Arrow> arrows);
    const QVector<Arrow>& arrows() const { return arrows_; }
    void setHeadLength(double pixels) { headLength_ = pixels; }

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
    void appendArrow(QVector<QLineF>& lines, const QPointF& a, const QPointF& b) const;
    void drawStrokes(QCPPainter* painter, const QVector<QLineF>& lines) const;
    QVector<Arrow> arrows_;
    double headLength_ = 5;
};

} // namespace aelab
