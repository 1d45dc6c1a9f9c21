#include "core/interp/interp_trainer.h"
#include "core/training/adam_util.h"
#include "core/interp/acai_losses.h"
#include "core/nets/weight_init.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <stdexcept>

namespace aelab {

namespace {
constexpr int64_t kBlock = 256; // images per forward pass outside training
} // namespace

InterpTrainer::InterpTrainer(torch::Tensor train, const InterpConfig& config)
    : train_(std::move(train)), config_(config),
      gen_(at::make_generator<at::CPUGeneratorImpl>(config.seed)) {
    if (train_.dim() != 4 || train_.size(0) == 0)
        throw std::invalid_argument("the training images must be [N, C, H, W]");
    const int c = int(train_.size(1));
    if (auto why = checkInterpShape(config, c, int(train_.size(2)), int(train_.size(3)));
        !why.empty())
        throw std::invalid_argument(why);
    shape_ = {c, config.depth, config.scales, config.latentChannels};
    // The VAE's encoder emits a mean and a log-variance map.
    ConvNetShape encoderShape = shape_;
    if (config.model == InterpModel::Variational) encoderShape.latent *= 2;
    encoder_ = ConvEncoder(encoderShape);
    decoder_ = ConvDecoder(shape_);
    heUniformInit(*encoder_, gen_);
    heUniformInit(*decoder_, gen_);
    if (config.model == InterpModel::Acai) {
        critic_ = Critic(shape_);
        heUniformInit(*critic_, gen_);
    }
    makeOptimisers();
    saveGood();
}

void InterpTrainer::makeOptimisers() {
    std::vector<torch::Tensor> ae = encoder_->parameters();
    for (auto& p : decoder_->parameters())
        ae.push_back(p);
    aeOptimiser_ = makeAdam(ae, config_.learningRate);
    if (critic_) criticOptimiser_ = makeAdam(critic_->parameters(), config_.learningRate);
}

// One autoencoder loss (and, for ACAI, one critic update inside). x in [-1, 1].
torch::Tensor InterpTrainer::stepLoss(const torch::Tensor& x) {
    switch (config_.model) {
    case InterpModel::Plain:
        return (decoder_->forward(encoder_->forward(x)) - x).pow(2).mean();
    case InterpModel::Denoising: {
        auto noisy = x + config_.noiseStd * torch::randn(x.sizes(), gen_, x.options());
        return (decoder_->forward(encoder_->forward(noisy)) - x).pow(2).mean();
    }
    case InterpModel::Variational: {
        auto stats = encoder_->forward(x).chunk(2, 1);
        auto mu = stats[0], logvar = stats[1].clamp(-20, 20);
        auto z = mu + (0.5 * logvar).exp() * torch::randn(mu.sizes(), gen_, mu.options());
        // Per pixel: squared error plus the KL spread over the pixels, the
        // ELBO of a Gaussian decoder with variance 1/2 divided by the pixel
        // count (constants dropped).
        const double pixels = double(x[0].numel());
        return (decoder_->forward(z) - x).pow(2).mean() +
               config_.klWeight * gaussianKl(mu, logvar).mean() / pixels;
    }
    case InterpModel::Acai: {
        auto z = encoder_->forward(x);
        auto xhat = decoder_->forward(z);
        auto alpha = 0.5 * torch::rand({x.size(0)}, gen_, x.options());
        auto xmix = decoder_->forward(mixLatents(z, alpha));
        // The critic learns from detached images: its step moves only itself.
        auto criticLoss =
            acaiCriticLoss(critic_->forward(xmix.detach()), alpha,
                           critic_->forward(criticBlend(x, xhat.detach(), config_.gamma)));
        criticOptimiser_->zero_grad();
        criticLoss.backward();
        criticOptimiser_->step();
        criticLoss_ = criticLoss.item<double>();
        return acaiAutoencoderLoss(x, xhat, critic_->forward(xmix), config_.lambda);
    }
    }
    return {};
}

StepResult InterpTrainer::train(int n) {
    encoder_->train();
    decoder_->train();
    const int64_t batch = std::min<int64_t>(config_.batch, train_.size(0));
    const StepResult result =
        guard_.run(n, step_,
                   {[this, batch] {
                        auto idx = torch::randint(train_.size(0), {batch}, gen_, torch::kInt64);
                        return stepLoss(toSigned(train_.index_select(0, idx)));
                    },
                    [this](torch::Tensor& loss) {
                        aeOptimiser_->zero_grad();
                        loss.backward();
                        aeOptimiser_->step();
                    },
                    [this] { return criticLoss_; }});
    if (result.diverged) criticLoss_ = 0;
    return result;
}

double InterpTrainer::evaluateLoss(const torch::Tensor& images, int64_t maxImages) {
    auto clean = images.slice(0, 0, std::min(maxImages, images.size(0)));
    if (clean.size(0) == 0) return 0;
    auto diff = (reconstruct(clean) - clean) * 2; // back to the [-1, 1] scale
    return diff.pow(2).mean().item<double>();
}

torch::Tensor InterpTrainer::encode(const torch::Tensor& images) {
    torch::NoGradGuard noGrad;
    encoder_->eval();
    std::vector<torch::Tensor> parts;
    for (int64_t s = 0; s < images.size(0); s += kBlock) {
        auto z =
            encoder_->forward(toSigned(images.slice(0, s, std::min(images.size(0), s + kBlock))));
        if (config_.model == InterpModel::Variational) z = z.chunk(2, 1)[0];
        parts.push_back(z);
    }
    return torch::cat(parts);
}

torch::Tensor InterpTrainer::decode(const torch::Tensor& z) {
    torch::NoGradGuard noGrad;
    decoder_->eval();
    std::vector<torch::Tensor> parts;
    for (int64_t s = 0; s < z.size(0); s += kBlock)
        parts.push_back((decoder_->forward(z.slice(0, s, std::min(z.size(0), s + kBlock))) + 1) *
                        0.5);
    return torch::cat(parts);
}

torch::Tensor InterpTrainer::interpolate(const torch::Tensor& a, const torch::Tensor& b, int frames,
                                         bool spherical) {
    return interpolatePairs(a, b, frames, spherical)[0];
}

torch::Tensor InterpTrainer::interpolatePairs(const torch::Tensor& a, const torch::Tensor& b,
                                              int frames, bool spherical) {
    const int64_t P = a.size(0);
    auto codes = encode(torch::cat({a, b}));
    const auto latentShape = codes.sizes().slice(1).vec();
    auto z1 = codes.slice(0, 0, P).flatten(1), z2 = codes.slice(0, P, 2 * P).flatten(1);
    // Weights [P, T, 1] for each end.
    auto t = torch::linspace(0, 1, std::max(2, frames)).view({1, -1, 1}).expand({P, -1, 1});
    torch::Tensor w1 = 1 - t, w2 = t;
    if (spherical) {
        // slerp: z = sin((1-t) w)/sin w z1 + sin(t w)/sin w z2, w the angle
        // between the codes; linear where they are (nearly) parallel.
        auto cosine = ((z1 * z2).sum(1) / (z1.norm(2, 1) * z2.norm(2, 1)).clamp_min(1e-12))
                          .clamp(-1, 1)
                          .view({P, 1, 1});
        auto omega = torch::acos(cosine), sinOmega = torch::sin(omega);
        auto curved = sinOmega > 1e-6;
        auto safe = torch::where(curved, sinOmega, torch::ones_like(sinOmega));
        w1 = torch::where(curved, torch::sin((1 - t) * omega) / safe, w1);
        w2 = torch::where(curved, torch::sin(t * omega) / safe, w2);
    }
    auto z = w1 * z1.unsqueeze(1) + w2 * z2.unsqueeze(1); // [P, T, D]
    std::vector<int64_t> flatShape{-1};
    flatShape.insert(flatShape.end(), latentShape.begin(), latentShape.end());
    auto images = decode(z.reshape(flatShape));
    std::vector<int64_t> outShape{P, t.size(1)};
    outShape.insert(outShape.end(), images.sizes().begin() + 1, images.sizes().end());
    return images.view(outShape);
}

torch::Tensor InterpTrainer::criticEstimate(const torch::Tensor& images) {
    if (!critic_) return {};
    torch::NoGradGuard noGrad;
    critic_->eval();
    std::vector<torch::Tensor> parts;
    for (int64_t s = 0; s < images.size(0); s += kBlock)
        parts.push_back(
            critic_->forward(toSigned(images.slice(0, s, std::min(images.size(0), s + kBlock)))));
    return torch::cat(parts);
}

void InterpTrainer::setLive(const InterpConfig& live) {
    const double oldRate = config_.learningRate;
    config_.learningRate = live.learningRate;
    config_.batch = std::max(1, live.batch);
    config_.lambda = live.lambda;
    config_.gamma = live.gamma;
    config_.noiseStd = live.noiseStd;
    config_.klWeight = live.klWeight;
    if (oldRate == live.learningRate) return;
    for (auto* opt : {aeOptimiser_.get(), criticOptimiser_.get()})
        if (opt) setLearningRate(*opt, live.learningRate);
}

std::vector<torch::Tensor> InterpTrainer::allParameters() const {
    std::vector<torch::Tensor> all = encoder_->parameters();
    for (const auto& p : decoder_->parameters())
        all.push_back(p);
    if (critic_)
        for (const auto& p : critic_->parameters())
            all.push_back(p);
    return all;
}

int64_t InterpTrainer::parameterCount() const {
    int64_t n = 0;
    for (const auto& p : allParameters())
        n += p.numel();
    return n;
}

} // namespace aelab
