#include "field_snapshot.h"

namespace {
QVector<float> toQVector(const std::vector<float>& v) { return QVector<float>(v.begin(), v.end()); }
} // namespace

FieldViewData toViewData(const aelab::FieldResult& result, const std::vector<float>& dataXY) {
    FieldViewData view;
    const aelab::Box2D& b = result.grid.box;
    view.box = QRectF(b.x0, b.y0, b.width(), b.height());
    view.nx = result.grid.nx;
    view.ny = result.grid.ny;
    view.data.reserve(int(dataXY.size() / 2));
    for (size_t i = 0; i + 1 < dataXY.size(); i += 2) view.data.append(QPointF(dataXY[i], dataXY[i + 1]));
    view.dx = toQVector(result.dx);
    view.dy = toQVector(result.dy);
    view.idealDx = toQVector(result.idealDx);
    view.idealDy = toQVector(result.idealDy);
    view.logDensity = toQVector(result.logDensity);
    return view;
}
