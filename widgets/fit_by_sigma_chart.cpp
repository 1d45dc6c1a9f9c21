#include "widgets/fit_by_sigma_chart.h"

#include <algorithm>
#include <cmath>

namespace aelab {

FitBySigmaChart::FitBySigmaChart(QWidget* parent) : QCustomPlot(parent) {
    setMinimumHeight(140);
    xAxis->setLabel(QStringLiteral("noise level σ"));
    yAxis->setLabel(QStringLiteral("field fit R²"));
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setTickCount(3);
    xAxis->setTicker(ticker);
    xAxis->setNumberFormat("gb");
    QCPGraph* g = addGraph();
    g->setName(tr("fit R² at each level, learned r(x, σ) against the exact r*(x, σ)"));
    g->setPen(QPen(QColor(200, 40, 40), 1.5));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    marker_ = new QCPItemStraightLine(this);
    marker_->setPen(QPen(QColor(60, 60, 60), 1, Qt::DashLine));
    placeLegendOutside(this, LegendPlace::Above);
    keepTicksApart(this);
    setFits({});
}

void FitBySigmaChart::setFits(const QVector<QPointF>& fits) {
    QVector<double> x, y;
    double low = 1;
    for (const QPointF& p : fits) {
        x.append(p.x());
        y.append(p.y());
        if (std::isfinite(p.y())) low = std::min(low, p.y());
    }
    graph(0)->setData(x, y, false);
    empty_.setEmpty(fits.isEmpty());
    if (!fits.isEmpty()) xAxis->setRange(x.last() / 1.2, x.first() * 1.2);
    // 0 to 1, or lower when a level fits worse than a zero field.
    yAxis->setRange(std::max(-1.0, std::min(0.0, low - 0.05)), 1.02);
    replot(QCustomPlot::rpQueuedReplot);
}

void FitBySigmaChart::setCurrentSigma(double sigma) {
    marker_->point1->setCoords(sigma, 0);
    marker_->point2->setCoords(sigma, 1);
    replot(QCustomPlot::rpQueuedReplot);
}

void FitBySigmaChart::setPresentation(bool on) {
    empty_.setFont(setChartFonts(this, on));
    QPen pen = graph(0)->pen();
    pen.setWidthF(on ? 3 : 1.5);
    graph(0)->setPen(pen);
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace aelab
