#pragma once
// A training-curve chart: one or more named series of (step, value) on a
// log-scaled value axis, fed incrementally.
#include "widgets/plot_style.h"

#include <qcustomplot.h>

namespace aelab {

class LossChart : public QCustomPlot {
    Q_OBJECT
  public:
    explicit LossChart(QWidget* parent = nullptr);

    // Returns the series index. Colours cycle through a fixed palette.
    int addSeries(const QString& name);
    void appendPoints(int series, const QVector<QPointF>& points);
    void clearAll();
    int pointCount(int series) const;
    // A series' points (sessions keep the history), and dropping the points
    // after x (training continued from an earlier snapshot).
    QVector<QPointF> points(int series) const;
    void removeAfter(double x);
    void setLogScale(bool on);
    void setValueLabel(const QString& label);
    void setPresentation(bool on);

    bool showsNoData() const { return empty_.isShown(); }

  private:
    void rescale();
    EmptyNote empty_{this};
};

} // namespace aelab
