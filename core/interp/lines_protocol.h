#pragma once
// The lines benchmark's protocol (docs/references.md §4): pairs of test lines,
// 16 frames each with the decoded end points, linear latent interpolation;
// and the same pairs cross-faded in pixel space as a calibration.
#include "core/metrics/lines_benchmark.h"

namespace aelab {

class InterpTrainer;

// Sequences [pairs, frames, 1, 32, 32] on the [-1, 1] scale, from the pairs
// of benchmarkAngles(pairs).
torch::Tensor modelSequences(InterpTrainer& trainer, int pairs = 256, int frames = 16,
                             bool spherical = false);
torch::Tensor crossfadeSequences(int pairs = 256, int frames = 16);

// The same for any pairs of angles: pair i is (angles[i], angles[P + i]),
// P = angles.size() / 2 (benchmarkAngles, validationAngles).
torch::Tensor modelSequencesBetween(InterpTrainer& trainer, const std::vector<double>& angles,
                                    int frames = 16, bool spherical = false);
torch::Tensor crossfadeSequencesBetween(const std::vector<double>& angles, int frames = 16);

} // namespace aelab
