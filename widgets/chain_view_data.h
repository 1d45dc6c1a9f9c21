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

// The particles' density and the data's on a grid, both Gaussian kernel
// estimates with one bandwidth and scaled by the data's maximum, so that the
// same contour levels compare them: row-major, iy * nx + ix, cell centres.
struct DensityViewData {
    QRectF box;
    int nx = 0, ny = 0;
    double bandwidth = 0;
    QVector<float> data, particles;
    bool isValid() const {
        return nx > 1 && ny > 1 && data.size() == nx * ny && particles.size() == nx * ny;
    }
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::BasinViewData)
Q_DECLARE_METATYPE(aelab::DensityViewData)
