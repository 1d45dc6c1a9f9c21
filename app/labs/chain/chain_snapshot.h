#pragma once
// What the chain worker hands the GUI: plain values, by value.
#include "widgets/chain_view_data.h"

#include <QMetaType>
#include <QPointF>
#include <QVector>

namespace aelab {

struct ChainSnapshot {
    quint64 run = 0; // bumps on every restart: the GUI clears trails and chart
    long long step = 0;
    QVector<QPointF> particles;
    QVector<QPointF> newDistances; // (step, energy distance) since the previous snapshot
    double distance = 0;           // at this step
    bool playing = false;
    bool hasBasins = false; // basins below were recomputed for this snapshot
    BasinViewData basins;
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::ChainSnapshot)
