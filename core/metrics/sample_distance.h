#pragma once
// How far a set of samples is from the data, for the chain lab's chart.
#include "datasets/toy2d_spec.h"
#include <torch/types.h>

namespace aelab {

// The energy distance of Szekely & Rizzo (2013) between samples X (n x d) and
// Y (m x d):  D^2 = 2 E|X - Y| - E|X - X'| - E|Y - Y'|,  with the expectations
// taken as means over all pairs (V-statistics, so D^2 >= 0 holds exactly and
// is 0 only for identical empirical distributions). Returns D (not D^2), in
// the data's units. Pairs are computed in blocks, so memory stays at
// block x max(n, m) doubles.
double energyDistance(const torch::Tensor& x, const torch::Tensor& y, int64_t block = 2048);

// The finite-sample floor of that distance (docs/references.md §5): a fresh
// sample of sampleSize points from the data's generator (spec, with seeds
// the training set does not use) against the training set data; for a CSV or painted set, which
// has no generator, one random half of it against the other. The mean over
// `repeats` such samples: one sample's floor varies by a third from seed to
// seed, which would make a sampler's ratio to it a lottery.
double distanceYardstick(const Toy2DSpec& spec, const torch::Tensor& data, int64_t sampleSize,
                         int repeats = 5);

} // namespace aelab
