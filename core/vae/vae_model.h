#pragma once
// A VAE with a Bernoulli decoder for images in [0, 1] (docs/references.md §3):
// q(z|x) = N(mu(x), diag exp(logvar(x))), p(z) = N(0, I), p(x|z) Bernoulli
// with logits from the decoder. MLP in the authors' shape (D-h-h-2L with
// softplus, L-h-h-D) or convolutional (ACAI's two-scale encoder/decoder of
// interp_nets.h around a dense code).
#include "core/nets/interp_nets.h"
#include "core/vae/vae_config.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>

namespace aelab {

class BernoulliVaeImpl : public torch::nn::Module {
  public:
    // Throws std::invalid_argument when the conv net cannot take the size.
    BernoulliVaeImpl(int channels, int height, int width, const VaeConfig& config);
    // x [N, C, H, W] -> (mu, logvar), each [N, L].
    std::pair<torch::Tensor, torch::Tensor> encode(const torch::Tensor& x);
    // z [M, L] -> logits [M, C * H * W].
    torch::Tensor decodeLogits(const torch::Tensor& z);
    int latent() const { return latent_; }

  private:
    int latent_;
    torch::nn::Sequential encoder_, decoder_;
};
TORCH_MODULE(BernoulliVae);

} // namespace aelab
