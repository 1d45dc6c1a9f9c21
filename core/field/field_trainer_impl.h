#pragma once
// FieldTrainer's private state, shared by field_trainer.cpp and
// field_checkpoint.cpp. Not for other files.
#include "core/field/field_trainer.h"
#include "core/training/adam_util.h"
#include "core/training/corruption.h"
#include "core/training/flat_parameters.h"
#include "core/training/guarded_training.h"
#include "core/field/ideal_field_grid.h"
#include "core/field/mlp_dae.h"
#include "core/field/noise_conditional.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>
#include <algorithm>
#include <charconv>
#include <memory>
#include <stdexcept>

namespace aelab {

inline constexpr double kAverageDecay = 0.99;

// Training squares coordinates in single precision (largest 3.4e38): points
// beyond 1e15 would overflow the first loss, which once read as "diverged at
// step 0; lower --lr".
inline void checkDataScale(const torch::Tensor& points) {
    const double largest = points.numel() ? points.abs().max().item<double>() : 0.0;
    char shortest[32]; // as the float it is: "3e+30", in any locale
    const auto end = std::to_chars(shortest, shortest + 32, float(largest)).ptr;
    if (largest > 1e15)
        throw std::invalid_argument("the points reach " + std::string(shortest, end) +
                                    "; training squares them, past single precision's range: "
                                    "rescale the data (coordinates up to 1e15 work)");
}

struct FieldTrainer::Impl {
    FieldConfig config;
    torch::Tensor data;     // [N, 2] data coordinates
    torch::Tensor dataUnit; // [N, 2] mapped to [0, 1]^2 (BCE targets)
    Box2D box;              // plot box; BCE maps it to the unit square
    GridSpec grid;
    torch::Tensor gridPoints;         // [G, 2]
    IdealField ideal;                 // cached until data, sigma or grid change
    DataScale spread;                 // the data's mean and scale (noise-conditional wrapper)
    std::vector<double> ladderSigmas; // the levels ladderIdeal was computed for
    std::vector<IdealField> ladderIdeal;
    MlpDae model{nullptr};
    MlpDae averaged{nullptr}; // Polyak average of model's weights: what is drawn
    std::unique_ptr<torch::optim::Adam> optimiser;
    at::Generator gen;
    long long step = 0;
    std::vector<torch::Tensor> params, average; // live weights and their running average
    torch::Tensor flat, flatAverage;            // the buffers behind them (flat_parameters.h)
    torch::Tensor scale, offset;                // data -> unit: (x - offset) / scale
    // A roll-back restores the weights and their average together.
    GuardedTraining guard{[this] { return allWeights(); },
                          [this] { optimiser = makeAdam({flat}, config.learningRate); }};

    void setData(torch::Tensor points) {
        checkDataScale(points);
        data = std::move(points);
        const auto* p = data.data_ptr<float>();
        box = fieldBox(std::vector<float>(p, p + data.numel()));
        offset = torch::tensor({box.x0, box.y0});
        scale = torch::tensor({box.width(), box.height()});
        dataUnit = toUnit(data);
        spread = dataScale(data);
        buildGrid();
    }
    void buildGrid() {
        grid = GridSpec{box, config.gridSize, config.gridSize};
        gridPoints = gridNodes(grid);
        ladderSigmas.clear();
        buildIdeal();
    }
    void buildIdeal() { ideal = idealFieldOnGrid(data, grid, config.sigma); }
    torch::Tensor toUnit(const torch::Tensor& x) const { return (x - offset) / scale; }
    torch::Tensor fromUnit(const torch::Tensor& u) const { return u * scale + offset; }
    // The noise-conditional model always trains with squared error (§5).
    bool bce() const {
        return config.loss == LossKind::BinaryCrossEntropy && !config.conditional();
    }

    // r(x) in data coordinates, at the config's sigma. The BCE model sees and
    // returns unit-square coordinates (docs/references.md §2 needs targets in [0, 1]).
    torch::Tensor reconstruct(const torch::Tensor& x) { return reconstructAt(x, config.sigma); }
    // The same at noise level sigma: only a noise-conditional model has a choice.
    torch::Tensor reconstructAt(const torch::Tensor& x, double sigma) {
        if (config.conditional())
            return conditionalReconstruct(*averaged, x, torch::full({x.size(0)}, sigma), spread);
        return bce() ? fromUnit(averaged->forward(toUnit(x))) : averaged->forward(x);
    }

    void buildModel() {
        gen = at::make_generator<at::CPUGeneratorImpl>(config.seed);
        MlpDaeOptions o;
        o.width = config.width;
        o.depth = config.depth;
        o.activation = config.activation;
        o.sigmoidOutput = bce();
        o.conditionDim = config.conditional() ? kSigmaEmbeddingDim : 0;
        model = MlpDae(o);
        model->initialise(gen);
        step = 0;
        averaged = MlpDae(o);
        params = model->parameters();
        average = averaged->parameters();
        flat = flattenParameters(params, true);
        flatAverage = flattenParameters(average, false);
        optimiser = makeAdam({flat}, config.learningRate);
        copyAll(average, params);
        averaged->eval();
        saveGood();
    }
    // Polyak averaging: an exponential moving average of the weights with a
    // horizon of about 1/(1 - decay) steps.
    void updateAverage() {
        torch::NoGradGuard noGrad;
        const double decay = std::min(kAverageDecay, (1.0 + step) / (10.0 + step));
        flatAverage.lerp_(flat, 1 - decay);
    }
    static void copyAll(std::vector<torch::Tensor>& to, const std::vector<torch::Tensor>& from) {
        torch::NoGradGuard noGrad;
        for (size_t i = 0; i < to.size(); ++i)
            to[i].copy_(from[i]);
    }
    std::vector<torch::Tensor> allWeights() const {
        std::vector<torch::Tensor> all = params;
        all.insert(all.end(), average.begin(), average.end());
        return all;
    }
    void saveGood() { guard.keep(step); }
    void setLearningRate(double lr) { aelab::setLearningRate(*optimiser, lr); }

    torch::Tensor lossOnBatch() {
        const int64_t n = data.size(0);
        auto idx = torch::randint(0, n, {config.batchSize}, gen, torch::kInt64);
        auto x = data.index_select(0, idx);
        if (config.conditional())
            return conditionalLoss(
                *model, x, sampleSigmas(config.batchSize, config.sigmaMin, config.sigmaMax, gen),
                spread, gen);
        auto noisy = corrupt(x, {CorruptionKind::Gaussian, config.sigma}, gen);
        if (bce()) {
            // Numerically stable BCE on logits; targets are the clean points.
            auto target = dataUnit.index_select(0, idx).clamp(0, 1);
            return torch::nn::functional::binary_cross_entropy_with_logits(
                model->logits(toUnit(noisy)), target);
        }
        return torch::nn::functional::mse_loss(model->forward(noisy), x);
    }
};

} // namespace aelab
