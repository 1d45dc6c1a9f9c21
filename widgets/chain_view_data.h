#pragma once
// What the chain layers of the field plot show, as plain Qt values.
#include <QMetaType>
#include <QPointF>
#include <QRectF>
#include <QVector>

namespace aelab {

// Basins of attraction on a grid: label[iy * nx + ix] is the attractor the
// plain chain from that cell's centre converges to, or -1 if it did not settle.
struct BasinViewData {
    QRectF box;
    int nx = 0, ny = 0;
    QVector<int> label;
    QVector<QPointF> attractors;
    bool isValid() const { return nx > 0 && ny > 0 && label.size() == nx * ny; }
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::BasinViewData)
