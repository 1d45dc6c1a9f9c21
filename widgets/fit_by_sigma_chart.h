#pragma once
// The noise-conditional model's fit across its noise levels: field fit R²
// against sigma on a log axis, with the level the plot shows marked.
#include "widgets/plot_style.h"

#include <qcustomplot.h>

namespace aelab {

class FitBySigmaChart : public QCustomPlot {
    Q_OBJECT
  public:
    explicit FitBySigmaChart(QWidget* parent = nullptr);
    // (sigma, R²) per level of the ladder; empty clears the chart.
    void setFits(const QVector<QPointF>& fits);
    void setCurrentSigma(double sigma);
    void setPresentation(bool on);
    int pointCount() const { return graph(0)->dataCount(); }

  private:
    QCPItemStraightLine* marker_ = nullptr;
    EmptyNote empty_{this};
};

} // namespace aelab
