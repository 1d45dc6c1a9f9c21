#pragma once
// The interpolation lab's worker's state, shared by its source files
// (interp_worker.cpp: data, training, snapshots; interp_worker_models.cpp:
// model files, sessions and the kept best). Only the worker includes it.
#include "datasets/image_set.h"
#include "core/interp/interp_trainer.h"
#include "core/metrics/lines_benchmark.h"
#include "app/labs/interp/interp_keep_best.h"
#include "app/labs/interp/interp_worker.h"

#include <QElapsedTimer>
#include <QPointF>
#include <QVector>

#include <array>
#include <memory>

namespace aelab {

struct InterpWorker::State {
    aelab::ImageSet data;
    QString spec;
    bool loaded = false;
    std::array<std::unique_ptr<aelab::InterpTrainer>, 4> trainers;
    aelab::InterpConfig config;
    int active = int(aelab::InterpModel::Acai);
    int compare = -1;
    bool spherical = false, training = false;
    torch::Tensor ends[2]; // [1, C, H, W] in [0, 1]
    quint64 modelId = 0;
    QVector<QPointF> aeLoss, criticLoss, testLoss;
    long long lastTestStep = -1;
    QElapsedTimer rateClock, scoreClock;
    long long rateSteps = 0;
    double stepsPerSecond = 0;
    bool framesChanged = true, scoresStale = true, diverged = false;
    QString message;
    std::shared_ptr<const aelab::LinesBenchmark> benchmark; // 80 MB: one for all
    LiveBestKeeper best; // lines: each run's best model by the validation pairs

    aelab::InterpTrainer* trainer() { return trainers[size_t(active)].get(); }
    // Built on first use: its 10,000 reference lines take a moment and 80 MB.
    const std::shared_ptr<const aelab::LinesBenchmark>& linesBenchmark() {
        if (!benchmark) benchmark = std::make_shared<const aelab::LinesBenchmark>();
        return benchmark;
    }
    bool isLines() const { return spec == "lines"; } // not a folder named lines
    void restartCharts() {
        ++modelId;
        aeLoss.clear();
        criticLoss.clear();
        testLoss.clear();
        lastTestStep = -1;
        framesChanged = scoresStale = true;
    }
};

} // namespace aelab
