#pragma once
// What the field plot shows, as plain Qt values (no Torch). Produced by the
// app from a core FieldResult and handed over by value.
#include <QMetaType>
#include <QPointF>
#include <QRectF>
#include <QVector>

namespace aelab {

struct FieldViewData {
    QRectF box;                      // grid box in data coordinates (x0, y0, width, height)
    int nx = 0, ny = 0;              // grid cells; vectors below are row-major, iy * nx + ix
    QVector<QPointF> data;           // the training set
    QVector<float> dx, dy;           // learned r(x) - x
    QVector<float> idealDx, idealDy; // ideal r*(x) - x
    QVector<float> logDensity;       // log p_sigma(x)

    bool hasField() const { return nx > 0 && ny > 0 && dx.size() == nx * ny; }
    QPointF cellCentre(int ix, int iy) const {
        return {box.left() + (ix + 0.5) * box.width() / nx,
                box.top() + (iy + 0.5) * box.height() / ny};
    }
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::FieldViewData)
