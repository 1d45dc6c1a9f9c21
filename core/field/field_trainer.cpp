#include "core/field/field_trainer_impl.h"
#include "core/field/field_denoiser.h"
#include "core/sampling/annealed_sampler.h"
#include "datasets/toy2d.h"

#include <cmath>

namespace aelab {

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

const FieldConfig& FieldTrainer::config() const {
    return d->config;
}

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
                             c.data.seed != cur.data.seed || c.data.weight != cur.data.weight;
    const bool gridChanged = c.gridSize != cur.gridSize;
    const bool sigmaChanged = c.sigma != cur.sigma;
    // Keep the [net] settings of the running network; store the new ones for reset.
    FieldConfig next = c;
    next.width = cur.width, next.depth = cur.depth;
    next.activation = cur.activation, next.loss = cur.loss, next.model = cur.model;
    // Make the new data before touching anything, so a bad file leaves the run intact.
    torch::Tensor points = dataChanged ? makeToy2D(next.data) : torch::Tensor();
    cur = next;
    if (dataChanged)
        d->setData(points);
    else if (gridChanged)
        d->buildGrid();
    else if (sigmaChanged)
        d->buildIdeal();
    d->setLearningRate(cur.learningRate);
    return dataChanged;
}

StepResult FieldTrainer::train(int n) {
    d->model->train();
    return d->guard.run(n, d->step,
                        {[this] {
                             d->optimiser->zero_grad();
                             return d->lossOnBatch();
                         },
                         [this](torch::Tensor& loss) {
                             loss.backward();
                             d->optimiser->step();
                         },
                         nullptr, [this] { d->updateAverage(); }});
}

long long FieldTrainer::step() const {
    return d->step;
}

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

torch::Tensor FieldTrainer::reconstructTensorAt(const torch::Tensor& x, double sigma) {
    torch::NoGradGuard noGrad;
    return d->reconstructAt(x, sigma);
}

std::vector<SigmaFit> FieldTrainer::fitBySigma() {
    const FieldConfig& c = d->config;
    if (!c.conditional()) return {};
    torch::NoGradGuard noGrad;
    const std::vector<double> ladder = geometricLadder(c.sigmaMax, c.sigmaMin, c.levels);
    if (ladder != d->ladderSigmas) {
        d->ladderIdeal.clear();
        for (const double sigma : ladder)
            d->ladderIdeal.push_back(idealFieldOnGrid(d->data, d->grid, sigma));
        d->ladderSigmas = ladder;
    }
    std::vector<SigmaFit> fits;
    for (size_t i = 0; i < ladder.size(); ++i) {
        const IdealField& ideal = d->ladderIdeal[i];
        const auto learned = d->reconstructAt(d->gridPoints, ladder[i]) - d->gridPoints;
        fits.push_back({ladder[i], fieldFitR2(learned, ideal.rMinusX, ideal.logDensity)});
    }
    return fits;
}

GridSpec FieldTrainer::grid() const {
    return d->grid;
}

std::vector<float> FieldTrainer::dataXY() const {
    return std::vector<float>(d->data.data_ptr<float>(),
                              d->data.data_ptr<float>() + d->data.numel());
}

int FieldTrainer::dataCount() const {
    return int(d->data.size(0));
}

} // namespace aelab
