#include "widgets/loss_chart.h"

#include <cmath>

namespace aelab {

namespace {
const QColor kPalette[] = {QColor(200, 40, 40), QColor(40, 90, 200), QColor(30, 140, 60),
                           QColor(200, 130, 0), QColor(120, 60, 160)};
}

LossChart::LossChart(QWidget* parent) : QCustomPlot(parent) {
    setMinimumHeight(140);
    xAxis->setLabel("step");
    yAxis->setLabel("loss");
    setLogScale(true);
    placeLegendOutside(this, LegendPlace::Above);
    keepTicksApart(this);
    setPresentation(false);
}

int LossChart::addSeries(const QString& name) {
    QCPGraph* g = addGraph();
    g->setName(name);
    g->setPen(QPen(kPalette[(graphCount() - 1) % 5], 1.5));
    g->setAdaptiveSampling(true); // long histories stay cheap to draw
    return graphCount() - 1;
}

void LossChart::appendPoints(int series, const QVector<QPointF>& points) {
    if (series < 0 || series >= graphCount() || points.isEmpty()) return;
    QCPGraph* g = graph(series);
    for (const QPointF& p : points)
        if (std::isfinite(p.y()) && (p.y() > 0 || yAxis->scaleType() == QCPAxis::stLinear))
            g->addData(p.x(), p.y());
    rescale();
}

void LossChart::clearAll() {
    for (int i = 0; i < graphCount(); ++i)
        graph(i)->data()->clear();
    rescale();
}

int LossChart::pointCount(int series) const {
    return series >= 0 && series < graphCount() ? graph(series)->dataCount() : 0;
}

QVector<QPointF> LossChart::points(int series) const {
    QVector<QPointF> out;
    if (series < 0 || series >= graphCount()) return out;
    for (const QCPGraphData& d : *graph(series)->data())
        out.append(QPointF(d.key, d.value));
    return out;
}

void LossChart::removeAfter(double x) {
    for (int i = 0; i < graphCount(); ++i)
        graph(i)->data()->removeAfter(x);
    rescale();
}

void LossChart::setLogScale(bool on) {
    yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on) {
        QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
        ticker->setTickCount(4); // decades only: in-between labels crowd a short axis
        ticker->setSubTickCount(8);
        yAxis->setTicker(ticker);
        yAxis->setNumberFormat("gb");
    } else
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    rescale();
}

void LossChart::setValueLabel(const QString& label) {
    yAxis->setLabel(label);
}

void LossChart::rescale() {
    bool empty = true;
    for (int i = 0; i < graphCount() && empty; ++i)
        empty = graph(i)->data()->isEmpty();
    empty_.setEmpty(empty);
    rescaleAxes();
    if (xAxis->range().size() < 1) xAxis->setRange(0, 1);
    yAxis->scaleRange(1.1, yAxis->range().center());
    replot(QCustomPlot::rpQueuedReplot);
}

void LossChart::setPresentation(bool on) {
    empty_.setFont(setChartFonts(this, on));
    for (int i = 0; i < graphCount(); ++i) {
        QPen pen = graph(i)->pen();
        pen.setWidthF(on ? 3 : 1.5);
        graph(i)->setPen(pen);
    }
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace aelab
