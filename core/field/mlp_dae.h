#pragma once
// A fully connected denoising autoencoder r(x) = g(f(x)) for low-dimensional
// data: `depth` hidden layers of `width` units, then a linear output (or a
// sigmoid output for the BCE variant, docs/references.md §2).
#include "core/field/field_types.h"

#include <ATen/core/Generator.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>

namespace aelab {

struct MlpDaeOptions {
    int inputDim = 2;
    int width = 128;
    int depth = 2;
    Activation activation = Activation::Softplus;
    bool sigmoidOutput = false;
    int conditionDim = 0; // extra inputs beside x (the noise level's embedding)
};

class MlpDaeImpl : public torch::nn::Module {
  public:
    explicit MlpDaeImpl(const MlpDaeOptions& options);
    // Raw output before any sigmoid; forward() applies it when configured.
    torch::Tensor logits(const torch::Tensor& x);
    torch::Tensor forward(const torch::Tensor& x);
    // The conditional network: x and its condition, concatenated, in.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& condition);
    // Re-initialises every layer from gen (uniform +-1/sqrt(fan_in), as
    // PyTorch's default Linear init) so runs do not depend on global seeds.
    void initialise(at::Generator& gen);
    const MlpDaeOptions& options() const { return options_; }

  private:
    MlpDaeOptions options_;
    torch::nn::Sequential net_;
};
TORCH_MODULE(MlpDae);

} // namespace aelab
