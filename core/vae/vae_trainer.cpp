#include "core/vae/vae_trainer.h"
#include "core/training/adam_util.h"
#include "core/training/trainer_state.h"
#include "core/training/corruption.h"
#include "core/vae/vae_bounds.h"
#include "core/nets/weight_init.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/utils/clip_grad.h>

#include <cmath>
#include <stdexcept>

namespace aelab {

namespace {
constexpr std::uint64_t kTestSeed = 0x7e57;
// One binary training set for every model and seed, as the authors' fixed
// seed gives: a comparison then differs only in what it compares.
constexpr std::uint64_t kTrainSeed = 0x7a1d;
constexpr int kChunk = 250;     // importance samples per pass in the NLL estimate
constexpr int64_t kBlock = 100; // images per pass outside training

at::Generator seeded(std::uint64_t seed) {
    return at::make_generator<at::CPUGeneratorImpl>(seed);
}
} // namespace

VaeTrainer::VaeTrainer(torch::Tensor train, const VaeConfig& config)
    : train_(std::move(train)), config_(config), gen_(seeded(config.seed)) {
    if (train_.dim() != 4 || train_.size(0) == 0)
        throw std::invalid_argument("the training images must be [N, C, H, W]");
    if (config.latent < 1 || config.hidden < 1 || config.samples < 1)
        throw std::invalid_argument("latent size, hidden units and samples must be positive");
    if (config.decoderLayers < 1 || config.decoderLayers > 2)
        throw std::invalid_argument("the decoder has 1 or 2 hidden layers");
    if (config.binarize == Binarize::Fixed) trainBinary_ = binarize(train_, kTrainSeed);
    lrNow_ = config.learningRate;
    model_ = BernoulliVae(int(train_.size(1)), int(train_.size(2)), int(train_.size(3)), config);
    heUniformInit(*model_, gen_);
    optimiser_ = makeAdam(model_->parameters(), config.learningRate);
    saveGood();
}

double VaeTrainer::epochs() const {
    return double(step_) * double(config_.batch) / double(train_.size(0));
}

torch::Tensor VaeTrainer::binarize(const torch::Tensor& images, std::uint64_t seed) const {
    auto gen = seeded(seed);
    return torch::bernoulli(images.clamp(0, 1), gen);
}

// log w_k = log p(x|z_k) + log p(z_k) - log q(z_k|input), z_k ~ q(z|input); [k, N].
torch::Tensor VaeTrainer::logWeights(const torch::Tensor& clean, const torch::Tensor& input, int k,
                                     at::Generator& gen) {
    auto [mu, logvar] = model_->encode(input);
    const int64_t N = mu.size(0), L = mu.size(1);
    auto eps = torch::randn({k, N, L}, gen, mu.options());
    auto z = mu + (0.5 * logvar).exp() * eps; // [k, N, L]
    auto logits = model_->decodeLogits(z.reshape({k * N, L})).view({k, N, -1});
    return logBernoulli(clean.reshape({N, -1}), logits) + logStandardNormal(z) -
           logNormalDiag(z, mu, logvar);
}

// The negative bound of a batch: with analyticKl, the VAE's and DVAE's ELBO
// as E_q[log p(x|z)] − KL(q(z|x̃) ‖ N(0, I)) with the KL in closed form
// (docs/references.md §3); otherwise the k-sample importance bound.
torch::Tensor VaeTrainer::negativeBound(const torch::Tensor& clean, const torch::Tensor& input) {
    if (!config_.analyticKl || isImportanceWeighted(config_.model))
        return -importanceBound(logWeights(clean, input, trainingSamples(config_), gen_)).mean();
    auto [mu, logvar] = model_->encode(input);
    auto z = mu + (0.5 * logvar).exp() * torch::randn(mu.sizes(), gen_, mu.options());
    auto reconstruction = logBernoulli(clean.reshape({clean.size(0), -1}), model_->decodeLogits(z));
    auto kl = 0.5 * (mu.pow(2) + logvar.exp() - 1 - logvar).sum(-1);
    return -(reconstruction - kl).mean();
}

// Step decay: the rate drops by lrDecay every lrDecayEpochs epochs.
void VaeTrainer::followSchedule() {
    if (config_.lrDecayEpochs <= 0) return;
    const double rate = config_.learningRate *
                        std::pow(config_.lrDecay, std::floor(epochs() / config_.lrDecayEpochs));
    if (rate == lrNow_) return;
    lrNow_ = rate;
    setLearningRate(*optimiser_, rate);
}

StepResult VaeTrainer::train(int n) {
    model_->train();
    const int64_t batch = std::min<int64_t>(config_.batch, train_.size(0));
    return guard_.run(
        n, step_,
        {[this, batch] {
             followSchedule();
             auto idx = torch::randint(train_.size(0), {batch}, gen_, torch::kInt64);
             auto clean = config_.binarize == Binarize::Fixed
                              ? trainBinary_.index_select(0, idx)
                              : torch::bernoulli(train_.index_select(0, idx), gen_);
             auto input = isDenoising(config_.model) ? corrupt(clean, config_.noise, gen_) : clean;
             return negativeBound(clean, input);
         },
         [this](torch::Tensor& loss) {
             optimiser_->zero_grad();
             loss.backward();
             if (config_.clipNorm > 0)
                 torch::nn::utils::clip_grad_norm_(model_->parameters(), config_.clipNorm);
             optimiser_->step();
         }});
}

double VaeTrainer::evaluateBound(const torch::Tensor& images, int k, int64_t maxImages) {
    torch::NoGradGuard noGrad;
    model_->eval();
    auto x = binarize(images.slice(0, 0, std::min(maxImages, images.size(0))), kTestSeed);
    auto gen = seeded(kTestSeed + 1);
    double sum = 0;
    for (int64_t s = 0; s < x.size(0); s += kBlock) {
        auto b = x.slice(0, s, std::min(x.size(0), s + kBlock));
        sum += importanceBound(logWeights(b, b, k, gen)).sum().item<double>();
    }
    return x.size(0) ? sum / double(x.size(0)) : 0;
}

double VaeTrainer::evaluateTrainBound(int k, int64_t maxImages) {
    const int64_t n = train_.size(0),
                  stride = std::max<int64_t>(1, n / std::max<int64_t>(1, maxImages));
    // The fixed binary images themselves (binarising a binary image changes
    // nothing), or one fixed draw from the grey ones.
    const torch::Tensor& images = config_.binarize == Binarize::Fixed ? trainBinary_ : train_;
    return evaluateBound(images.slice(0, 0, n, stride), k, maxImages);
}

// Mean −log p(x) over the first maxImages (all if < 0) images, binarised with
// the test seed, `block` images a pass: logWeightsFor(b) returns a function
// drawing m log weights for the block b. The two estimates below differ
// only in their proposal.
double VaeTrainer::meanNll(const torch::Tensor& images, int K, int64_t maxImages, int64_t block,
                           const std::function<LogWeightsDraw(const torch::Tensor&)>& logWeightsFor,
                           const std::function<void(int64_t, int64_t)>& progress) {
    torch::NoGradGuard noGrad;
    model_->eval();
    const int64_t n = maxImages < 0 ? images.size(0) : std::min(maxImages, images.size(0));
    auto x = binarize(images.slice(0, 0, n), kTestSeed);
    double sum = 0;
    for (int64_t s = 0; s < n; s += block) {
        auto b = x.slice(0, s, std::min(n, s + block));
        sum += importanceLogLikelihood(K, kChunk, logWeightsFor(b)).sum().item<double>();
        if (progress) progress(std::min(n, s + block), n);
    }
    return n ? -sum / double(n) : 0;
}

double VaeTrainer::estimateNll(const torch::Tensor& images, int K, int64_t maxImages,
                               const std::function<void(int64_t, int64_t)>& progress) {
    auto gen = seeded(kTestSeed + 2);
    // Fewer images per pass when K is large, so a pass stays near kChunk x kBlock decodes.
    const int64_t block = std::max<int64_t>(1, kBlock * kChunk / std::max(K, kChunk));
    return meanNll(
        images, K, maxImages, block,
        [&](const torch::Tensor& b) -> LogWeightsDraw {
            return [&, b](int m) { return logWeights(b, b, m, gen); };
        },
        progress);
}

double VaeTrainer::estimateNllMixture(const torch::Tensor& images, int K, int M,
                                      int64_t maxImages) {
    auto gen = seeded(kTestSeed + 3);
    const int64_t block = std::max<int64_t>(1, kBlock * kChunk / std::max(K, kChunk) / M);
    return meanNll(images, K, maxImages, block, [&](const torch::Tensor& b) -> LogWeightsDraw {
        std::vector<torch::Tensor> mus, logvars;
        for (int m = 0; m < M; ++m) {
            auto [mu, logvar] = model_->encode(corrupt(b, config_.noise, gen));
            mus.push_back(mu);
            logvars.push_back(logvar);
        }
        auto mu = torch::stack(mus), logvar = torch::stack(logvars); // [M, N, L]
        return [&, b, mu, logvar](int k) {
            const int64_t N = b.size(0), L = mu.size(2);
            // z from a component chosen uniformly, then scored by the whole mixture.
            auto pick = torch::randint(M, {k, N}, gen, torch::kInt64);
            auto index = pick.unsqueeze(-1).expand({k, N, L});
            auto mean = mu.gather(0, index), lv = logvar.gather(0, index);
            auto z = mean + (0.5 * lv).exp() * torch::randn({k, N, L}, gen, mu.options());
            auto logq =
                torch::logsumexp(
                    logNormalDiag(z.unsqueeze(1), mu.unsqueeze(0), logvar.unsqueeze(0)), 1) -
                std::log(double(M));
            auto logits = model_->decodeLogits(z.reshape({k * N, L})).view({k, N, -1});
            return logBernoulli(b.reshape({N, -1}), logits) + logStandardNormal(z) - logq;
        };
    });
}

torch::Tensor VaeTrainer::sample(int64_t n, std::uint64_t seed) {
    torch::NoGradGuard noGrad;
    model_->eval();
    auto gen = seeded(seed);
    auto z = torch::randn({n, int64_t(config_.latent)}, gen, torch::kFloat32);
    return torch::sigmoid(model_->decodeLogits(z))
        .view({n, train_.size(1), train_.size(2), train_.size(3)});
}

torch::Tensor VaeTrainer::reconstruct(const torch::Tensor& images, bool fromCorrupted,
                                      std::uint64_t seed) {
    torch::NoGradGuard noGrad;
    model_->eval();
    auto input = fromCorrupted ? corrupted(images, seed) : images;
    auto mu = model_->encode(input).first;
    return torch::sigmoid(model_->decodeLogits(mu)).view(images.sizes());
}

torch::Tensor VaeTrainer::corrupted(const torch::Tensor& images, std::uint64_t seed) const {
    auto gen = seeded(seed);
    return corrupt(images, config_.noise, gen);
}

torch::Tensor VaeTrainer::encodeMean(const torch::Tensor& images) {
    torch::NoGradGuard noGrad;
    model_->eval();
    std::vector<torch::Tensor> parts;
    for (int64_t s = 0; s < images.size(0); s += kBlock)
        parts.push_back(
            model_->encode(images.slice(0, s, std::min(images.size(0), s + kBlock))).first);
    return torch::cat(parts);
}

void VaeTrainer::setLive(const CorruptionSpec& noise, double learningRate) {
    config_.noise = noise;
    if (learningRate == config_.learningRate) return;
    config_.learningRate = learningRate;
    lrNow_ = learningRate;
    setLearningRate(*optimiser_, learningRate);
    followSchedule();
}

void VaeTrainer::freshOptimiser() {
    optimiser_ = makeAdam(model_->parameters(), config_.learningRate);
}

std::string VaeTrainer::signature() const {
    return vaeModelName(config_.model) + (config_.arch == VaeArch::Mlp ? " mlp " : " conv ") +
           std::to_string(config_.hidden) + "-" + std::to_string(config_.latent) +
           (config_.decoderLayers == 1 ? " one-layer decoder" : "") + ", " + imageShapeText(train_);
}

std::string VaeTrainer::saveState() {
    return saveTrainerState("autoencoder-lab vae", signature(), *model_, *optimiser_, step_, gen_);
}

void VaeTrainer::loadState(const std::string& bytes) {
    step_ = loadTrainerState(bytes, "in the session", "autoencoder-lab vae", signature(), *model_,
                             *optimiser_, gen_);
    saveGood();
}

} // namespace aelab
