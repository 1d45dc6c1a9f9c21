#pragma once
// A training-curve chart: one or more named series of (step, value) on a
// log-scaled value axis, fed incrementally.
#include <qcustomplot.h>

class LossChart : public QCustomPlot {
    Q_OBJECT
public:
    explicit LossChart(QWidget* parent = nullptr);

    // Returns the series index. Colours cycle through a fixed palette.
    int addSeries(const QString& name);
    void appendPoints(int series, const QVector<QPointF>& points);
    void clearAll();
    int pointCount(int series) const;
    void setLogScale(bool on);
    void setValueLabel(const QString& label);
    void setPresentation(bool on);

private:
    void rescale();
};
