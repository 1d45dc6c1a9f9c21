#include "field_trainer.h"
#include "field_denoiser.h"
#include "corruption.h"
#include "ideal_field.h"
#include "mlp_dae.h"
#include "toy2d.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>
#include <algorithm>
#include <cmath>

namespace aelab {

namespace {
constexpr int kSnapshotEvery = 50;  // steps between saved "last good" weights
constexpr double kAverageDecay = 0.99;
}

struct FieldTrainer::Impl {
    FieldConfig config;
    torch::Tensor data;        // [N, 2] data coordinates
    torch::Tensor dataUnit;    // [N, 2] mapped to [0, 1]^2 (BCE targets)
    Box2D box;                 // plot box; BCE maps it to the unit square
    GridSpec grid;
    torch::Tensor gridPoints;  // [G, 2]
    IdealField ideal;          // cached until data, sigma or grid change
    MlpDae model{nullptr};
    MlpDae averaged{nullptr};  // Polyak average of model's weights: what is drawn
    std::unique_ptr<torch::optim::Adam> optimiser;
    at::Generator gen;
    long long step = 0;
    std::vector<torch::Tensor> lastGood, lastGoodAverage;
    long long lastGoodStep = 0;
    std::vector<torch::Tensor> params, average;  // live weights and their running average
    torch::Tensor scale, offset;  // data -> unit: (x - offset) / scale

    void setData(torch::Tensor points) {
        data = std::move(points);
        const auto* p = data.data_ptr<float>();
        box = fieldBox(std::vector<float>(p, p + data.numel()));
        offset = torch::tensor({box.x0, box.y0});
        scale = torch::tensor({box.width(), box.height()});
        dataUnit = toUnit(data);
        buildGrid();
    }
    void buildGrid() {
        grid = GridSpec{box, config.gridSize, config.gridSize};
        gridPoints = torch::empty({grid.size(), 2});
        auto a = gridPoints.accessor<float, 2>();
        for (int iy = 0; iy < grid.ny; ++iy)
            for (int ix = 0; ix < grid.nx; ++ix) {
                a[iy * grid.nx + ix][0] = grid.x(ix);
                a[iy * grid.nx + ix][1] = grid.y(iy);
            }
        buildIdeal();
    }
    void buildIdeal() { ideal = idealField(data, gridPoints, config.sigma); }
    torch::Tensor toUnit(const torch::Tensor& x) const { return (x - offset) / scale; }
    torch::Tensor fromUnit(const torch::Tensor& u) const { return u * scale + offset; }
    bool bce() const { return config.loss == LossKind::BinaryCrossEntropy; }

    // r(x) in data coordinates. The BCE model sees and returns unit-square
    // coordinates (REFERENCES.md §2 needs targets in [0, 1]).
    torch::Tensor reconstruct(const torch::Tensor& x) {
        return bce() ? fromUnit(averaged->forward(toUnit(x))) : averaged->forward(x);
    }

    void buildModel() {
        gen = at::make_generator<at::CPUGeneratorImpl>(config.seed);
        MlpDaeOptions o;
        o.width = config.width;
        o.depth = config.depth;
        o.activation = config.activation;
        o.sigmoidOutput = bce();
        model = MlpDae(o);
        model->initialise(gen);
        optimiser = std::make_unique<torch::optim::Adam>(
            model->parameters(), torch::optim::AdamOptions(config.learningRate));
        step = 0;
        averaged = MlpDae(o);
        params = model->parameters();
        average = averaged->parameters();
        copyAll(average, params);
        averaged->eval();
        saveGood();
    }
    // Polyak averaging: an exponential moving average of the weights with a
    // horizon of about 1/(1 - decay) steps.
    void updateAverage() {
        torch::NoGradGuard noGrad;
        const double decay = std::min(kAverageDecay, (1.0 + step) / (10.0 + step));
        for (size_t i = 0; i < params.size(); ++i) average[i].lerp_(params[i], 1 - decay);
    }
    static void copyAll(std::vector<torch::Tensor>& to, const std::vector<torch::Tensor>& from) {
        torch::NoGradGuard noGrad;
        for (size_t i = 0; i < to.size(); ++i) to[i].copy_(from[i]);
    }
    void saveGood() {
        lastGood.clear();
        lastGoodAverage.clear();
        for (auto& p : params) lastGood.push_back(p.detach().clone());
        for (auto& p : average) lastGoodAverage.push_back(p.detach().clone());
        lastGoodStep = step;
    }
    void restoreGood() {
        copyAll(params, lastGood);
        copyAll(average, lastGoodAverage);
        step = lastGoodStep;
        // Adam's moments may hold NaN too: start them afresh.
        optimiser = std::make_unique<torch::optim::Adam>(
            model->parameters(), torch::optim::AdamOptions(config.learningRate));
    }
    void setLearningRate(double lr) {
        for (auto& group : optimiser->param_groups())
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
    }

    torch::Tensor lossOnBatch() {
        const int64_t n = data.size(0);
        auto idx = torch::randint(0, n, {config.batchSize}, gen, torch::kInt64);
        auto x = data.index_select(0, idx);
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

Box2D fieldBox(const std::vector<float>& xy) {
    float x0 = 1e30f, x1 = -1e30f, y0 = 1e30f, y1 = -1e30f;
    for (size_t i = 0; i + 1 < xy.size(); i += 2) {
        x0 = std::min(x0, xy[i]), x1 = std::max(x1, xy[i]);
        y0 = std::min(y0, xy[i + 1]), y1 = std::max(y1, xy[i + 1]);
    }
    if (xy.size() < 2) x0 = y0 = -1, x1 = y1 = 1;
    const float cx = 0.5f * (x0 + x1), cy = 0.5f * (y0 + y1);
    const float side = std::max({x1 - x0, y1 - y0, 1e-3f});
    const float half = 0.75f * side;
    return {cx - half, cx + half, cy - half, cy + half};
}

FieldTrainer::FieldTrainer(const FieldConfig& config) : d(std::make_unique<Impl>()) {
    reset(config);
}

FieldTrainer::~FieldTrainer() = default;

const FieldConfig& FieldTrainer::config() const { return d->config; }

void FieldTrainer::reset(const FieldConfig& config) {
    auto points = makeToy2D(config.data);
    d->config = config;
    d->setData(points);
    d->buildModel();
}

bool FieldTrainer::applyLive(const FieldConfig& c) {
    FieldConfig& cur = d->config;
    const bool dataChanged = c.data.kind != cur.data.kind || c.data.count != cur.data.count ||
                             c.data.noise != cur.data.noise || c.data.csvPath != cur.data.csvPath ||
                             c.data.painted != cur.data.painted || c.seed != cur.seed ||
                             c.data.seed != cur.data.seed;
    const bool gridChanged = c.gridSize != cur.gridSize;
    const bool sigmaChanged = c.sigma != cur.sigma;
    // Keep the [net] settings of the running network; store the new ones for reset.
    FieldConfig next = c;
    next.width = cur.width, next.depth = cur.depth;
    next.activation = cur.activation, next.loss = cur.loss;
    // Make the new data before touching anything, so a bad file leaves the run intact.
    torch::Tensor points = dataChanged ? makeToy2D(next.data) : torch::Tensor();
    cur = next;
    if (dataChanged) d->setData(points);
    else if (gridChanged) d->buildGrid();
    else if (sigmaChanged) d->buildIdeal();
    d->setLearningRate(cur.learningRate);
    return dataChanged;
}

StepResult FieldTrainer::train(int n) {
    StepResult result;
    d->model->train();
    double sum = 0;
    for (int i = 0; i < n; ++i) {
        d->optimiser->zero_grad();
        auto loss = d->lossOnBatch();
        const double value = loss.item<double>();
        if (!std::isfinite(value)) {
            d->restoreGood();
            result.diverged = true;
            result.badLoss = value;
            break;
        }
        loss.backward();
        d->optimiser->step();
        ++d->step;
        d->updateAverage();
        ++result.steps;
        sum += value;
        if (d->step % kSnapshotEvery == 0) d->saveGood();
    }
    result.meanLoss = result.steps ? sum / result.steps : 0;
    return result;
}

long long FieldTrainer::step() const { return d->step; }

FieldResult FieldTrainer::evaluate() {
    torch::NoGradGuard noGrad;
    auto learned = d->reconstruct(d->gridPoints) - d->gridPoints;
    FieldResult out;
    out.grid = d->grid;
    auto copyColumn = [](const torch::Tensor& t, int64_t col) {
        auto c = t.select(1, col).contiguous();
        return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    };
    out.dx = copyColumn(learned, 0);
    out.dy = copyColumn(learned, 1);
    out.idealDx = copyColumn(d->ideal.rMinusX, 0);
    out.idealDy = copyColumn(d->ideal.rMinusX, 1);
    auto lp = d->ideal.logDensity.contiguous();
    out.logDensity.assign(lp.data_ptr<float>(), lp.data_ptr<float>() + lp.numel());
    out.r2 = fieldFitR2(learned, d->ideal.rMinusX, d->ideal.logDensity);
    return out;
}

std::vector<float> FieldTrainer::reconstruct(const std::vector<float>& xy) {
    auto x = torch::from_blob(const_cast<float*>(xy.data()), {int64_t(xy.size() / 2), 2}).clone();
    auto r = reconstructTensor(x).contiguous();
    return std::vector<float>(r.data_ptr<float>(), r.data_ptr<float>() + r.numel());
}

Denoiser fieldDenoiser(FieldTrainer& trainer) {
    return [&trainer](const torch::Tensor& x) { return trainer.reconstructTensor(x); };
}

torch::Tensor FieldTrainer::reconstructTensor(const torch::Tensor& x) {
    torch::NoGradGuard noGrad;
    return d->reconstruct(x);
}

GridSpec FieldTrainer::grid() const { return d->grid; }

std::vector<float> FieldTrainer::dataXY() const {
    return std::vector<float>(d->data.data_ptr<float>(), d->data.data_ptr<float>() + d->data.numel());
}

int FieldTrainer::dataCount() const { return int(d->data.size(0)); }

} // namespace aelab
