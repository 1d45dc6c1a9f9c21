#include "app/labs/field/field_snapshot.h"

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

} // namespace aelab
