// scaling.png of `aelab bench --scale`: each cost against N on log-log axes,
// with a slope-1 guide, so "grows like N" and "flat" can be read off.
#include "bench/bench_scale.h"
#include "widgets/plot_export.h"
#include "widgets/plot_style.h"

#include <QJsonObject>

namespace aelab {

bool writeScalingPlot(const QJsonArray& rows, const QString& path, const QString& title,
                      QString* error) {
    QCustomPlot plot;
    plot.resize(1000, 640);
    struct Line {
        const char* key;
        const char* name;
        QColor colour;
    };
    const Line lines[] = {{"csv_load_ms", "CSV load (ms)", QColor(31, 119, 180)},
                          {"ideal_field_ms", "ideal field (ms)", QColor(214, 39, 40)},
                          {"fit_score_ms", "fit score per frame (ms)", QColor(44, 160, 44)},
                          {"frame_ms", "plot frame (ms)", QColor(148, 103, 189)},
                          {"peak_memory_mb", "peak memory of a run (MiB)", QColor(90, 90, 90)}};
    for (const Line& line : lines) {
        QCPGraph* g = plot.addGraph();
        g->setName(line.name);
        g->setPen(QPen(line.colour, 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 7));
        for (const QJsonValue& row : rows)
            g->addData(row["points"].toDouble(), std::max(1e-3, row[line.key].toDouble()));
    }
    // Slope 1 through the ideal field's first point: cost proportional to N.
    if (!rows.isEmpty()) {
        QCPGraph* guide = plot.addGraph();
        guide->setName("∝ N (guide)");
        guide->setPen(QPen(Qt::gray, 1, Qt::DashLine));
        const double n0 = rows.first()["points"].toDouble();
        const double c0 = rows.first()["ideal_field_ms"].toDouble();
        for (const QJsonValue& row : rows)
            guide->addData(row["points"].toDouble(), c0 * row["points"].toDouble() / n0);
    }
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        axis->setNumberFormat("eb"); // 10³, 10⁶: one style on both axes
        axis->setNumberPrecision(0);
    }
    plot.xAxis->setLabel("training points N");
    plot.yAxis->setLabel("cost");
    plot.rescaleAxes();
    plot.yAxis->scaleRange(1.3);
    plot.xAxis->scaleRange(1.2);
    plot.legend->setVisible(true);
    placeLegendOutside(&plot, LegendPlace::Right);
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(0, 0, new QCPTextElement(&plot, title, QFont("sans", 11)));
    return exportImage(plot.toPixmap(1000, 640).toImage(), path, error);
}

} // namespace aelab
