#include "widgets/latent_scatter.h"
#include "widgets/plot_style.h"

namespace aelab {

namespace {
// Ten distinguishable colours (the classes of MNIST and Fashion-MNIST).
const QColor kClassColours[] = {{31, 119, 180},  {255, 127, 14}, {44, 160, 44},   {214, 39, 40},
                                {148, 103, 189}, {140, 86, 75},  {227, 119, 194}, {127, 127, 127},
                                {188, 189, 34},  {23, 190, 207}};
} // namespace

LatentScatter::LatentScatter(QWidget* parent) : QCustomPlot(parent) {
    setMinimumHeight(100);
    plotLayout()->insertRow(0);
    title_ = new QCPTextElement(this, QString(), QFont(font().family(), 9));
    plotLayout()->addElement(0, 0, title_);
    legend->setVisible(true);
    // The class key sits right of the points, never over them.
    placeLegendOutside(this, LegendPlace::Right);
    legend->setRowSpacing(0);
    keepTicksApart(this);
    setPresentation(false);
}

void LatentScatter::setPresentation(bool on) {
    QFont f = chartFont(font(), on);
    title_->setFont(f);
    for (QCPAxis* axis : {xAxis, yAxis})
        axis->setTickLabelFont(f);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    legend->setFont(f);
    replot(QCustomPlot::rpQueuedReplot);
}

void LatentScatter::setPoints(const QVector<QPointF>& points, const QVector<int>& classes,
                              const QStringList& classNames, const QString& title) {
    clearGraphs();
    // A title's width is the plot's minimum: long ones break at spaces.
    QString wrapped, line;
    for (const QString& word : title.split(' ')) {
        if (!line.isEmpty() && line.size() + word.size() > 28) {
            wrapped += line + '\n';
            line.clear();
        }
        line += (line.isEmpty() ? "" : " ") + word;
    }
    title_->setText(wrapped + line);
    const int groups = std::max(1, int(classNames.size()));
    for (int g = -1; g < groups; ++g) {
        QVector<double> xs, ys;
        for (int i = 0; i < points.size(); ++i)
            if ((i < classes.size() ? classes[i] : -1) == g ||
                (g == -1 && (i >= classes.size() || classes[i] >= groups))) {
                xs << points[i].x();
                ys << points[i].y();
            }
        if (xs.isEmpty()) continue;
        QCPGraph* graph = addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        const QColor c = g < 0 ? QColor(150, 150, 150) : kClassColours[g % 10];
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 4));
        graph->setName(g < 0 ? tr("no class") : classNames.value(g));
        graph->setData(xs, ys, true);
    }
    rescaleAxes();
    replot(QCustomPlot::rpQueuedReplot);
}

int LatentScatter::pointCount() const {
    int n = 0;
    for (int i = 0; i < graphCount(); ++i)
        n += graph(i)->dataCount();
    return n;
}

} // namespace aelab
