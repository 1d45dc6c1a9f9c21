#include "widgets/alpha_chart.h"
#include "widgets/plot_style.h"

namespace aelab {

AlphaChart::AlphaChart(QWidget* parent) : QCustomPlot(parent) {
    setMinimumHeight(140);
    xAxis->setLabel(QStringLiteral("α along the interpolation"));
    yAxis->setLabel(QStringLiteral("critic's estimate"));
    xAxis->setRange(0, 1);
    yAxis->setRange(-0.1, 0.6);
    ideal_ = addGraph();
    ideal_->setName(QStringLiteral("ideal min(α, 1 − α)"));
    ideal_->setPen(QPen(QColor(120, 120, 120), 1.5, Qt::DashLine));
    for (int k = 0; k <= 100; ++k)
        ideal_->addData(k / 100.0, std::min(k / 100.0, 1 - k / 100.0));
    estimate_ = addGraph();
    estimate_->setName(QStringLiteral("critic's estimate"));
    estimate_->setPen(QPen(QColor(200, 40, 40), 2));
    marker_ = new QCPItemStraightLine(this);
    marker_->setPen(QPen(QColor(40, 90, 200), 1));
    setCurrentAlpha(0.5);
    note_ = new QCPItemText(this);
    note_->position->setType(QCPItemPosition::ptAxisRectRatio);
    note_->position->setCoords(0.5, 0.1);
    note_->setText(tr("No critic: train ACAI to see its estimate."));
    legend->setVisible(true);
    placeLegendOutside(this, LegendPlace::Above);
    keepTicksApart(this);
}

void AlphaChart::setEstimates(const QVector<double>& alphas, const QVector<double>& estimates) {
    estimate_->setData(estimates.isEmpty() ? QVector<double>() : alphas, estimates);
    note_->setVisible(estimates.isEmpty());
    double lo = -0.1, hi = 0.6;
    for (double e : estimates) {
        lo = std::min(lo, e - 0.05);
        hi = std::max(hi, e + 0.05);
    }
    yAxis->setRange(lo, hi);
    replot(QCustomPlot::rpQueuedReplot);
}

void AlphaChart::setCurrentAlpha(double alpha) {
    marker_->point1->setCoords(alpha, 0);
    marker_->point2->setCoords(alpha, 1);
    replot(QCustomPlot::rpQueuedReplot);
}

int AlphaChart::estimateCount() const {
    return estimate_->dataCount();
}

void AlphaChart::setPresentation(bool on) {
    note_->setFont(setChartFonts(this, on));
    estimate_->setPen(QPen(QColor(200, 40, 40), on ? 4 : 2));
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace aelab
