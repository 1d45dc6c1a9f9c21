// The field plot's training points: all of them up to kMaxDrawnPoints, a
// stated every-k-th sample beyond.
#include "widgets/field_plot.h"

#include <QLocale>

namespace aelab {

void FieldPlot::rebuildDataPoints() {
    drawnFrom_ = data_.data;
    const qsizetype n = data_.data.size();
    const qsizetype stride = (n + kMaxDrawnPoints - 1) / kMaxDrawnPoints;
    QVector<double> xs, ys;
    xs.reserve(n / std::max<qsizetype>(stride, 1) + 1);
    ys.reserve(xs.capacity());
    for (qsizetype i = 0; i < n; i += std::max<qsizetype>(stride, 1))
        xs.append(data_.data[i].x()), ys.append(data_.data[i].y());
    dataGraph_->setData(xs, ys, true);
    // QCustomPlot's adaptive sampling thins dense scatters by pixel column:
    // at 20,000 points it cut the spiral into clumps. The cap keeps the
    // frame cheap instead.
    dataGraph_->setAdaptiveSampling(false);
    const QLocale english(QLocale::English); // "5,000" in every locale
    dataGraph_->setName(stride <= 1 ? tr("training points")
                                    : tr("training points: 1 in %1 (%2 of %3)")
                                          .arg(stride)
                                          .arg(english.toString(xs.size()))
                                          .arg(english.toString(n)));
}

int FieldPlot::drawnPointCount() const {
    return dataGraph_->dataCount();
}

QString FieldPlot::drawnPointsLabel() const {
    return dataGraph_->name();
}

} // namespace aelab
