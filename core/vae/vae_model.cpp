#include "core/vae/vae_model.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/linear.h>

#include <stdexcept>

namespace aelab {

namespace nn = torch::nn;

BernoulliVaeImpl::BernoulliVaeImpl(int c, int h, int w, const VaeConfig& config)
    : latent_(config.latent) {
    const int d = c * h * w, hid = config.hidden, L = config.latent;
    if (config.arch == VaeArch::Mlp) {
        encoder_ = nn::Sequential(nn::Flatten(), nn::Linear(d, hid), nn::Softplus(),
                                  nn::Linear(hid, hid), nn::Softplus(), nn::Linear(hid, 2 * L));
        decoder_ = config.decoderLayers == 1
                       ? nn::Sequential(nn::Linear(L, hid), nn::Softplus(), nn::Linear(hid, d))
                       : nn::Sequential(nn::Linear(L, hid), nn::Softplus(), nn::Linear(hid, hid),
                                        nn::Softplus(), nn::Linear(hid, d));
    } else {
        if (h % 4 || w % 4)
            throw std::invalid_argument(
                "the convolutional VAE needs a height and width divisible by 4");
        // Two scales of depth 16 down to an 8-channel map, then dense.
        const ConvNetShape shape{c, 16, 2, 8};
        const int flat = 8 * (h / 4) * (w / 4);
        encoder_ = nn::Sequential(ConvEncoder(shape), nn::Flatten(), nn::Linear(flat, 2 * L));
        decoder_ = nn::Sequential(
            nn::Linear(L, flat),
            nn::Unflatten(nn::UnflattenOptions(1, std::vector<int64_t>{8, h / 4, w / 4})),
            ConvDecoder(shape), nn::Flatten());
    }
    register_module("encoder", encoder_);
    register_module("decoder", decoder_);
}

std::pair<torch::Tensor, torch::Tensor> BernoulliVaeImpl::encode(const torch::Tensor& x) {
    auto stats = encoder_->forward(x).chunk(2, 1);
    // Clamped so a wild step cannot make exp(logvar) overflow.
    return {stats[0], stats[1].clamp(-15, 15)};
}

torch::Tensor BernoulliVaeImpl::decodeLogits(const torch::Tensor& z) {
    return decoder_->forward(z);
}

} // namespace aelab
