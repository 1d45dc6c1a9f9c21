#include "app/labs/field/field_snapshot.h"

#include <algorithm>

namespace aelab {

namespace {
QVector<float> toQVector(const std::vector<float>& v) {
    return QVector<float>(v.begin(), v.end());
}
} // namespace

QVector<QPointF> toPoints(const float* xy, qsizetype count) {
    QVector<QPointF> points(count);
    for (qsizetype i = 0; i < count; ++i)
        points[i] = QPointF(xy[2 * i], xy[2 * i + 1]);
    return points;
}

QVector<QPointF> toPoints(const std::vector<float>& xy) {
    return toPoints(xy.data(), qsizetype(xy.size() / 2));
}

FieldViewData toViewData(const aelab::FieldResult& result, const std::vector<float>& dataXY) {
    FieldViewData view;
    const aelab::Box2D& b = result.grid.box;
    view.box = QRectF(b.x0, b.y0, b.width(), b.height());
    view.nx = result.grid.nx;
    view.ny = result.grid.ny;
    view.data = toPoints(dataXY);
    view.dx = toQVector(result.dx);
    view.dy = toQVector(result.dy);
    view.idealDx = toQVector(result.idealDx);
    view.idealDy = toQVector(result.idealDy);
    view.logDensity = toQVector(result.logDensity);
    return view;
}

QVector<FieldPanel> levelPanels(aelab::FieldTrainer& trainer) {
    const std::vector<aelab::SigmaFit> fits = trainer.fitBySigma();
    QVector<FieldPanel> panels;
    if (fits.empty()) return panels;
    const size_t last = fits.size() - 1;
    std::vector<size_t> picks{0, last / 3, (2 * last) / 3, last};
    picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
    const aelab::FieldConfig own = trainer.config();
    const std::vector<float> dataXY = trainer.dataXY();
    for (const size_t i : picks) {
        aelab::FieldConfig at = own;
        at.sigma = float(fits[i].sigma);
        trainer.applyLive(at);
        panels.push_back(
            {toViewData(trainer.evaluate(), dataXY), QStringLiteral("σ = %1 · fit R² %2")
                                                         .arg(fits[i].sigma, 0, 'g', 4)
                                                         .arg(fits[i].r2, 0, 'f', 3)});
    }
    trainer.applyLive(own);
    return panels;
}

} // namespace aelab
