#pragma once
// Generators for the 2D toy manifolds. Each returns an [N, 2] float tensor in
// data coordinates (roughly inside [-1, 1]^2), reproducible from spec.seed.
#include "datasets/toy2d_spec.h"

#include <torch/types.h>

namespace aelab {

// Throws DatasetError for an unreadable CSV, too few painted points, or a
// count outside [2, 1,000,000].
torch::Tensor makeToy2D(const Toy2DSpec& spec);

// The default jitter of each generated set (the spec's noise when negative).
float defaultToy2DNoise(Toy2DKind kind);

} // namespace aelab
