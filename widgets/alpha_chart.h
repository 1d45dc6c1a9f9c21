#pragma once
// The critic's estimate of alpha along an interpolation, against the true
// alpha. ACAI's critic is trained to answer alpha in [0, 0.5] for a mix with
// weight alpha on the far end, so the ideal curve is min(alpha, 1 - alpha):
// 0 at both ends (real images), 0.5 in the middle. A flat line near 0 means
// the critic can no longer tell interpolations from real data.
#include <qcustomplot.h>

namespace aelab {

class AlphaChart : public QCustomPlot {
    Q_OBJECT
  public:
    explicit AlphaChart(QWidget* parent = nullptr);
    // alphas and estimates of equal length; empty estimates: no critic.
    void setEstimates(const QVector<double>& alphas, const QVector<double>& estimates);
    // The alpha the slider shows, drawn as a vertical marker.
    void setCurrentAlpha(double alpha);
    int estimateCount() const;
    void setPresentation(bool on);

  private:
    QCPGraph* ideal_;
    QCPGraph* estimate_;
    QCPItemStraightLine* marker_;
    QCPItemText* note_;
};

} // namespace aelab
