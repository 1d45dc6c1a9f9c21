#include "core/image/image_dae_trainer.h"
#include "core/training/adam_util.h"
#include "core/training/trainer_state.h"
#include "core/training/corruption.h"
#include "datasets/image_set.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/loss.h>

#include <cmath>
#include <stdexcept>

namespace aelab {

namespace {
constexpr std::uint64_t kEvalSeed = 0x5eed;
} // namespace

ImageDaeTrainer::ImageDaeTrainer(torch::Tensor train, const ImageDaeConfig& config)
    : train_(std::move(train)), config_(config),
      gen_(at::make_generator<at::CPUGeneratorImpl>(config.seed)) {
    if (train_.dim() != 4 || train_.size(0) == 0)
        throw std::invalid_argument("the training images must be [N, C, H, W]");
    ImageDaeShape shape{int(train_.size(1)), int(train_.size(2)), int(train_.size(3)), config.arch,
                        config.base};
    if (const std::string why = checkShape(shape); !why.empty()) throw std::invalid_argument(why);
    model_ = ImageDae(shape);
    model_->initialise(gen_);
    optimiser_ = makeAdam(model_->parameters(), config.learningRate);
    saveGood();
}

torch::Tensor ImageDaeTrainer::lossOf(const torch::Tensor& clean, const torch::Tensor& noisy) {
    auto logits = model_->logits(noisy);
    if (config_.loss == ImageLoss::Bce)
        // BCE(x, sigmoid(l)) from the logits directly: stable where sigmoid saturates.
        return torch::nn::functional::binary_cross_entropy_with_logits(logits, clean);
    return (torch::sigmoid(logits) - clean).pow(2).mean();
}

StepResult ImageDaeTrainer::train(int n) {
    model_->train();
    const int64_t batch = std::min<int64_t>(config_.batch, train_.size(0));
    return guard_.run(n, step_,
                      {[this, batch] {
                           auto idx = torch::randint(train_.size(0), {batch}, gen_, torch::kInt64);
                           auto clean = train_.index_select(0, idx);
                           auto noisy = aelab::corrupt(clean, config_.noise, gen_);
                           optimiser_->zero_grad();
                           return lossOf(clean, noisy);
                       },
                       [this](torch::Tensor& loss) {
                           loss.backward();
                           optimiser_->step();
                       }});
}

double ImageDaeTrainer::evaluateLoss(const torch::Tensor& images, int64_t maxImages) {
    torch::NoGradGuard noGrad;
    model_->eval();
    auto clean = images.slice(0, 0, std::min(maxImages, images.size(0)));
    auto noisy = corrupt(clean, kEvalSeed);
    double sum = 0;
    const int64_t block = 256;
    for (int64_t s = 0; s < clean.size(0); s += block) {
        const int64_t e = std::min(clean.size(0), s + block);
        sum += lossOf(clean.slice(0, s, e), noisy.slice(0, s, e)).item<double>() * double(e - s);
    }
    return sum / double(clean.size(0));
}

torch::Tensor ImageDaeTrainer::reconstruct(const torch::Tensor& x) {
    torch::NoGradGuard noGrad;
    model_->eval();
    std::vector<torch::Tensor> parts;
    for (int64_t s = 0; s < x.size(0); s += 256)
        parts.push_back(model_->forward(x.slice(0, s, std::min(x.size(0), s + 256))));
    return parts.empty() ? x.clone() : torch::cat(parts);
}

torch::Tensor ImageDaeTrainer::corrupt(const torch::Tensor& x, std::uint64_t seed) const {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    return aelab::corrupt(x, config_.noise, gen);
}

Denoiser ImageDaeTrainer::denoiser() {
    return [this](const torch::Tensor& x) { return reconstruct(x); };
}

Injector ImageDaeTrainer::trainingCorruption() {
    return [this](const torch::Tensor& x, at::Generator& gen) {
        return aelab::corrupt(x, config_.noise, gen);
    };
}

void ImageDaeTrainer::setLive(const CorruptionSpec& noise, double learningRate, int batch) {
    config_.noise = noise;
    config_.batch = std::max(1, batch);
    if (learningRate != config_.learningRate) {
        config_.learningRate = learningRate;
        setLearningRate(*optimiser_, learningRate);
    }
}

void ImageDaeTrainer::freshOptimiser() {
    optimiser_ = makeAdam(model_->parameters(), config_.learningRate);
}

torch::Tensor chainStartImages(const ImageDaeTrainer& trainer, const torch::Tensor& test,
                               int64_t count, bool fromTest, std::uint64_t seed) {
    if (fromTest) return trainer.corrupt(spreadPicks(test, count), seed);
    return uniformImages(count, test.size(1), test.size(2), test.size(3), seed);
}

torch::Tensor uniformImages(int64_t n, int64_t channels, int64_t height, int64_t width,
                            std::uint64_t seed) {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    return torch::rand({n, channels, height, width}, gen, torch::kFloat32);
}

std::string ImageDaeTrainer::signature() const {
    return archName(config_.arch) + " base " + std::to_string(config_.base) + ", " +
           lossName(config_.loss) + " loss, " + imageShapeText(train_);
}

std::string ImageDaeTrainer::saveState() {
    return saveTrainerState("autoencoder-lab image dae", signature(), *model_, *optimiser_, step_,
                            gen_);
}

void ImageDaeTrainer::loadState(const std::string& bytes) {
    step_ = loadTrainerState(bytes, "in the session", "autoencoder-lab image dae", signature(),
                             *model_, *optimiser_, gen_);
    saveGood();
}

} // namespace aelab
