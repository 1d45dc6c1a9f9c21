#pragma once
// The noise-conditional DAE r(x, sigma) (docs/references.md §5): one MLP for
// every noise level. The level enters as an embedding of log sigma, and the
// network is wrapped so that its raw output has unit scale at every sigma
// (the input, skip and output scalings of docs/references.md §5.1), which
// lets one set of weights fit sigma = 0.01 and sigma = 1 alike.
#include "core/field/mlp_dae.h"

#include <ATen/core/Generator.h>
#include <torch/types.h>
#include <vector>

namespace aelab {

// Entries of the embedding of log sigma fed beside x.
inline constexpr int kSigmaEmbeddingDim = 9;

// log sigma and sines and cosines of it at four frequencies: [B] -> [B, 9].
torch::Tensor sigmaEmbedding(const torch::Tensor& sigma);

// Where the data sit: their mean and their spread sigma_data (the root mean
// square distance from the mean, per coordinate), the scale the wrapper
// normalises by.
struct DataScale {
    torch::Tensor mean; // [2]
    double sigmaData = 1;
};
DataScale dataScale(const torch::Tensor& data);

// r(x, sigma) for x [B, 2] and sigma [B] (or [B, 1]): c_skip (x - m) + c_out F(c_in (x - m),
// e(sigma)) + m, docs/references.md §5.1.
torch::Tensor conditionalReconstruct(MlpDaeImpl& net, const torch::Tensor& x,
                                     const torch::Tensor& sigma, const DataScale& scale);

// B noise levels, log-uniform in [lo, hi].
torch::Tensor sampleSigmas(int64_t count, double lo, double hi, at::Generator& gen);

// The loss of docs/references.md §5: mean over the batch of |r(x + sigma eps, sigma) - x|^2 /
// sigma^2, with each example's own sigma.
torch::Tensor conditionalLoss(MlpDaeImpl& net, const torch::Tensor& x, const torch::Tensor& sigma,
                              const DataScale& scale, at::Generator& gen);

} // namespace aelab
