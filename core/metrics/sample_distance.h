#pragma once
// How far a set of samples is from the data, for the chain lab's chart.
#include <torch/types.h>

namespace aelab {

// The energy distance of Szekely & Rizzo (2013) between samples X (n x d) and
// Y (m x d):  D^2 = 2 E|X - Y| - E|X - X'| - E|Y - Y'|,  with the expectations
// taken as means over all pairs (V-statistics, so D^2 >= 0 holds exactly and
// is 0 only for identical empirical distributions). Returns D (not D^2), in
// the data's units. Pairs are computed in blocks, so memory stays at
// block x max(n, m) doubles.
double energyDistance(const torch::Tensor& x, const torch::Tensor& y, int64_t block = 2048);

} // namespace aelab
