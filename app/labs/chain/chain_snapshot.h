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
    double yardstick = 0;          // a fresh sample's distance (sample_distance.h); 0: none
    // Annealed sampling: the noise level of the next step (0 once denoised),
    // its level and the ladder's length; level < 0 for the one-sigma chain.
    double sigma = 0;
    int level = -1, levels = 0;
    int annealKind = 0; // aelab::AnnealKind, when level >= 0
    bool annealDone = false;
    bool playing = false;
    bool hasDensity = false; // density below was recomputed (or switched off) for this snapshot
    DensityViewData density;
    bool hasBasins = false; // basins below were recomputed for this snapshot
    BasinViewData basins;
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::ChainSnapshot)
