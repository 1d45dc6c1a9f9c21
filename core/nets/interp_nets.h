#pragma once
// ACAI's nets (docs/references.md §4): an encoder that, per scale, applies two
// 3x3 convolutions with leaky ReLU and then 2x2 average pooling, ending in a
// convolution to the latent map; a mirrored decoder with nearest-neighbour
// upsampling; and a critic that is the encoder averaged to one number.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>

namespace aelab {

struct ConvNetShape {
    int channels = 1; // image channels
    int depth = 8;    // channels at the first scale, doubled per scale
    int scales = 3;   // 2x2 poolings
    int latent = 4;   // channels of the latent map
};

class ConvEncoderImpl : public torch::nn::Module {
  public:
    explicit ConvEncoderImpl(const ConvNetShape& shape);
    torch::Tensor forward(const torch::Tensor& x) { return net_->forward(x); }

  private:
    torch::nn::Sequential net_;
};
TORCH_MODULE(ConvEncoder);

class ConvDecoderImpl : public torch::nn::Module {
  public:
    explicit ConvDecoderImpl(const ConvNetShape& shape);
    torch::Tensor forward(const torch::Tensor& z) { return net_->forward(z); }

  private:
    torch::nn::Sequential net_;
};
TORCH_MODULE(ConvDecoder);

// d(x): the encoder's latent map averaged over channels and positions, [N].
class CriticImpl : public torch::nn::Module {
  public:
    explicit CriticImpl(const ConvNetShape& shape);
    torch::Tensor forward(const torch::Tensor& x);

  private:
    ConvEncoder encoder_{nullptr};
};
TORCH_MODULE(Critic);

} // namespace aelab
