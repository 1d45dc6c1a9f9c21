#include "core/vae/vae_trainer.h"
#include "core/training/adam_util.h"
#include "core/training/trainer_state.h"
#include "core/training/corruption.h"
#include "core/vae/vae_bounds.h"
#include "core/nets/weight_init.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <stdexcept>

namespace aelab {

namespace {
constexpr std::uint64_t kTestSeed = 0x7e57;
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

StepResult VaeTrainer::train(int n) {
    model_->train();
    const int64_t batch = std::min<int64_t>(config_.batch, train_.size(0));
    return guard_.run(
        n, step_,
        {[this, batch] {
             auto idx = torch::randint(train_.size(0), {batch}, gen_, torch::kInt64);
             auto clean = torch::bernoulli(train_.index_select(0, idx), gen_);
             auto input = isDenoising(config_.model) ? corrupt(clean, config_.noise, gen_) : clean;
             return -importanceBound(logWeights(clean, input, trainingSamples(config_), gen_))
                         .mean();
         },
         [this](torch::Tensor& loss) {
             optimiser_->zero_grad();
             loss.backward();
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

double VaeTrainer::estimateNll(const torch::Tensor& images, int K, int64_t maxImages,
                               const std::function<void(int64_t, int64_t)>& progress) {
    torch::NoGradGuard noGrad;
    model_->eval();
    const int64_t n = maxImages < 0 ? images.size(0) : std::min(maxImages, images.size(0));
    auto x = binarize(images.slice(0, 0, n), kTestSeed);
    auto gen = seeded(kTestSeed + 2);
    double sum = 0;
    // Fewer images per pass when K is large, so a pass stays near kChunk x kBlock decodes.
    const int64_t block = std::max<int64_t>(1, kBlock * kChunk / std::max(K, kChunk));
    for (int64_t s = 0; s < n; s += block) {
        auto b = x.slice(0, s, std::min(n, s + block));
        auto logp =
            importanceLogLikelihood(K, kChunk, [&](int m) { return logWeights(b, b, m, gen); });
        sum += logp.sum().item<double>();
        if (progress) progress(std::min(n, s + block), n);
    }
    return n ? -sum / double(n) : 0;
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
    setLearningRate(*optimiser_, learningRate);
}

void VaeTrainer::freshOptimiser() {
    optimiser_ = makeAdam(model_->parameters(), config_.learningRate);
}

std::string VaeTrainer::signature() const {
    return vaeModelName(config_.model) + (config_.arch == VaeArch::Mlp ? " mlp " : " conv ") +
           std::to_string(config_.hidden) + "-" + std::to_string(config_.latent) + ", " +
           imageShapeText(train_);
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
