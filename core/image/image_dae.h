#pragma once
// The image denoising autoencoder (docs/references.md §2, Creswell et al.): a
// convolutional encoder/decoder (per scale a 3x3 convolution + leaky ReLU,
// then 2x2 average pooling; mirrored with nearest-neighbour upsampling, the
// ACAI shape of §4; a dense code between them) or a fully connected one,
// ending in logits; the output
// r(x) = sigmoid(logits) lies in [0, 1] like the data.
#include "core/image/image_dae_config.h"

#include <ATen/core/Generator.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>

namespace aelab {

struct ImageDaeShape {
    int channels = 1;
    int height = 28;
    int width = 28;
    ImageArch arch = ImageArch::Conv;
    // Conv: channels at the first scale (doubled at the second; the dense
    // code has 4 x base numbers); MLP: units of the first hidden layer (the
    // code layer has half as many).
    int base = 16;
};

class ImageDaeImpl : public torch::nn::Module {
  public:
    explicit ImageDaeImpl(const ImageDaeShape& shape);
    torch::Tensor logits(const torch::Tensor& x); // [N, C, H, W] -> [N, C, H, W]
    torch::Tensor forward(const torch::Tensor& x) { return torch::sigmoid(logits(x)); }
    // Re-initialises every weight from gen (He-uniform for convolutions and
    // linear layers, zero biases) so runs depend on the seed alone.
    void initialise(at::Generator& gen);
    const ImageDaeShape& shape() const { return shape_; }
    int64_t parameterCount() const;

  private:
    ImageDaeShape shape_;
    torch::nn::Sequential encoder_, decoder_;
};
TORCH_MODULE(ImageDae);

// Conv needs height and width divisible by 4 (two poolings); MLP takes any.
// Returns an empty string when the shape is valid, else why not.
std::string checkShape(const ImageDaeShape& shape);

} // namespace aelab
