#pragma once
// The anneal verb's request and results, shared by its two files:
// anneal_verb.cpp (options, training, sampling) and anneal_outputs.cpp
// (fields.png, metrics.json, chain.csv).
#include "core/sampling/annealed_sampler.h"
#include "cli/args.h"
#include "cli/chain_video.h"
#include "cli/field_common.h"
#include "widgets/field_multiples.h"

#include <QDir>
#include <QString>

#include <optional>
#include <vector>

namespace aelab::cli {

struct AnnealRequest {
    FieldTraining training;
    long long particles = 0, stepsPerLevel = 0, videoSize = 0;
    double stepRatio = 0, fps = 0;
    aelab::AnnealKind sampler = aelab::AnnealKind::Langevin;
    QString denoiser; // learned or ideal
    QDir out;
};

// The particles at one moment of the run, for chain.csv.
struct AnnealSnapshot {
    long long step = 0;
    int level = 0;
    double sigma = 0;
    torch::Tensor particles;
};

struct AnnealOutputs {
    double trainSeconds = 0, sampleSeconds = 0, videoSeconds = 0;
    double yardstick = 0;
    std::vector<double> distances; // energy distance to the training set, every step
    std::vector<aelab::SigmaFit> fits;
    std::vector<AnnealSnapshot> snapshots;
    QVector<FieldPanel> panels;          // fields.png
    std::optional<double> modeShare;     // two-gaussians: the first mode's share of the samples
    std::optional<double> dataModeShare; // ... and of the training set
};

bool writeAnnealOutputs(const AnnealRequest& r, const AnnealOutputs& o, ChainVideo& video,
                        QString* error);

} // namespace aelab::cli
