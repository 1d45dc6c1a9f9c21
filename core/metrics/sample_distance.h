#pragma once
// How far a set of samples is from the data, for the chain lab's chart.
#include "datasets/toy2d_spec.h"
#include <torch/types.h>

namespace aelab {

// The energy distance of Szekely & Rizzo (2013) between samples X (n x d) and
// Y (m x d):  D^2 = 2 E|X - Y| - E|X - X'| - E|Y - Y'|,  with the expectations
// taken as means over all pairs (V-statistics, so D^2 >= 0 holds exactly and
// is 0 only for identical empirical distributions). Returns D (not D^2), in
// the data's units. A set larger than kDistanceSampleCap rows is measured on
// the stated subsample distanceSample() takes, so a million particles cost
// what 2,000 do (pairs grow as n m); pairs are computed in blocks, so memory
// stays at block x cap doubles.
double energyDistance(const torch::Tensor& x, const torch::Tensor& y, int64_t block = 2048);

// The most rows of either set the distance uses.
inline constexpr int64_t kDistanceSampleCap = 2000;
// Every k-th row, k = ceil(n / cap), starting at row 0: at most cap rows,
// the same rows on every call (a chart of the distance does not flicker).
torch::Tensor distanceSample(const torch::Tensor& x, int64_t cap = kDistanceSampleCap);

// The finite-sample floor of that distance (docs/references.md §5): a fresh
// sample of sampleSize points from the data's generator (spec, with seeds
// the training set does not use) against the training set data; for a CSV or painted set, which
// has no generator, one random half of it against the other. The mean over
// `repeats` such samples: one sample's floor varies by a third from seed to
// seed, which would make a sampler's ratio to it a lottery. The fresh sample
// has at most kDistanceSampleCap points, as the distance itself uses.
double distanceYardstick(const Toy2DSpec& spec, const torch::Tensor& data, int64_t sampleSize,
                         int repeats = 5);

} // namespace aelab
