#pragma once
// The synthetic lines benchmark of ACAI (docs/references.md §4): 32 x 32 single
// channel images, background -1, one anti-aliased line of width 2 from the
// centre (16, 16) to radius 15 at angle theta.
#include "datasets/image_set.h"

#include <array>
#include <cstdint>

namespace aelab {

constexpr int kLineSize = 32;
using LineImage = std::array<float, kLineSize * kLineSize>; // row-major, values in [-1, 1]

// The authors' drawing, step by step as docs/references.md §4 describes it.
LineImage drawLine(double theta);

// n lines at angles theta_k (radians) as [n, 1, 32, 32] in [-1, 1].
torch::Tensor lineImages(const std::vector<double>& thetas);

// Train and test sets of lines at angles ~ U(0, 2 pi), seeded, rescaled to
// [0, 1] like every ImageSet; labels are the angle in tenths of the circle.
ImageSet linesSet(int64_t trainCount, int64_t testCount, std::uint64_t seed);

} // namespace aelab
