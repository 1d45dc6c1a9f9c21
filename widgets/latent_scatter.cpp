#include "widgets/latent_scatter.h"

namespace aelab {

namespace {
// Ten distinguishable colours (the classes of MNIST and Fashion-MNIST).
const QColor kClassColours[] = {{31, 119, 180},  {255, 127, 14}, {44, 160, 44},   {214, 39, 40},
                                {148, 103, 189}, {140, 86, 75},  {227, 119, 194}, {127, 127, 127},
                                {188, 189, 34},  {23, 190, 207}};
} // namespace

LatentScatter::LatentScatter(QWidget* parent) : QCustomPlot(parent) {
    setMinimumHeight(160);
    plotLayout()->insertRow(0);
    title_ = new QCPTextElement(this, QString(), QFont(font().family(), 9));
    plotLayout()->addElement(0, 0, title_);
    legend->setVisible(true);
    legend->setBrush(QColor(255, 255, 255, 210));
    legend->setFont(QFont(font().family(), 7));
    // Two columns of class names keep the key clear of most of the points.
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(5);
    legend->setRowSpacing(0);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void LatentScatter::setPoints(const QVector<QPointF>& points, const QVector<int>& classes,
                              const QStringList& classNames, const QString& title) {
    clearGraphs();
    title_->setText(title);
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
