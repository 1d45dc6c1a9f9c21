#pragma once
// Applies a corruption process to a batch, drawing from the caller's generator
// so every run is reproducible.
#include "core/training/corruption_spec.h"

#include <ATen/core/Generator.h>
#include <torch/types.h>

namespace aelab {

// Gaussian: x + N(0, sigma^2).
// Salt-and-pepper (docs/references.md §3): each value is kept with probability
//   1 - p, else set to 1 with probability p and to 0 otherwise (p * p of all
//   values become 1, p * (1 - p) become 0).
// Masking: each value is set to 0 with the drop probability.
torch::Tensor corrupt(const torch::Tensor& x, const CorruptionSpec& spec, at::Generator& gen);

} // namespace aelab
