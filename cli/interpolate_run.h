#pragma once
// aelab interpolate's request and results, and its training step
// (interpolate_training.cpp): a new model or a checkpoint, trained plainly or
// keeping the best model by the validation pairs (--keep-best), and saved.
#include "core/interp/best_checkpoint.h"
#include "core/interp/interp_trainer.h"
#include "core/interp/lines_protocol.h"
#include "datasets/image_set.h"
#include <torch/types.h>

#include "cli/args.h"

#include <QDir>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace aelab::cli {

// The nets' and the training's settings of a new model.
struct InterpModelOptions {
    long long depth = 0, batch = 0;
    double lambda = 0, gamma = 0, noiseStd = 0, klWeight = 0, learningRate = 0;
    std::optional<long long> scales, latent; // default: the image size's
};

struct InterpolateRequest {
    QString command; // the command line, as metrics.json records it
    QString model;   // plain, denoising, vae, acai or crossfade
    QString dataset; // lines is scored
    long long steps = 0, pairs = 0, frames = 0, seed = 0;
    long long keepBest = 0; // score the validation pairs every so many steps; 0: off
    bool spherical = false;
    std::optional<QString> checkpoint;  // start from this file
    std::optional<double> continueRate; // --lr with --checkpoint: a new learning rate
    std::optional<QString> save;        // save the trained model here
    InterpModelOptions modelOptions;    // a new model's (not read with --checkpoint)
    // A bad model option, reported once the images have loaded: a dataset
    // that cannot be read is the first error, as it always was.
    std::optional<QString> modelOptionsError;
    QDir out;
};

struct InterpolationOutputs {
    QString model;        // the checkpoint's with --checkpoint, whatever --model says
    bool trained = false; // false: the cross-fade, no model
    long long steps = 0;  // the model's
    double seconds = 0, trainLoss = 0, testLoss = 0, criticLoss = 0, parameters = 0;
    int depth = 0, scales = 0, latentChannels = 0;
    torch::Tensor sequences01;              // [pairs, frames, C, H, W] in [0, 1]
    std::optional<aelab::LinesScore> score; // on lines: the raw frames (the paper's protocol)
    std::optional<aelab::LinesScore> drawn; // the same frames as the strips hold them
    std::vector<aelab::ValidationPoint> validation; // --keep-best's log
    std::optional<aelab::ValidationPoint> best;     // the model kept
};

// Loads the checkpoint or builds a new model: either may be bad input.
RunOutcome<std::unique_ptr<aelab::InterpTrainer>> makeTrainer(const InterpolateRequest& r,
                                                              const aelab::ImageSet& data);
// Trains, and saves if asked: nothing, or why it stopped.
std::optional<VerbError> trainInterp(const InterpolateRequest& r,
                                     std::unique_ptr<aelab::InterpTrainer>& trainer,
                                     InterpolationOutputs& o);

} // namespace aelab::cli
