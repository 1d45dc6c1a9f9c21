#include "core/interp/lines_protocol.h"
#include "core/interp/interp_trainer.h"
#include "datasets/lines.h"

namespace aelab {

namespace {
// The pairs' end lines as [pairs, 1, 32, 32] on the [-1, 1] scale.
std::pair<torch::Tensor, torch::Tensor> endLines(const std::vector<double>& angles) {
    const int64_t pairs = int64_t(angles.size() / 2);
    auto lines = lineImages(angles);
    return {lines.slice(0, 0, pairs), lines.slice(0, pairs, 2 * pairs)};
}
} // namespace

torch::Tensor modelSequences(InterpTrainer& trainer, int pairs, int frames, bool spherical) {
    return modelSequencesBetween(trainer, benchmarkAngles(pairs), frames, spherical);
}

torch::Tensor crossfadeSequences(int pairs, int frames) {
    return crossfadeSequencesBetween(benchmarkAngles(pairs), frames);
}

torch::Tensor modelSequencesBetween(InterpTrainer& trainer, const std::vector<double>& angles,
                                    int frames, bool spherical) {
    auto [a, b] = endLines(angles);
    // The trainer takes [0, 1] images and returns the same scale.
    return trainer.interpolatePairs((a + 1) * 0.5, (b + 1) * 0.5, frames, spherical) * 2 - 1;
}

torch::Tensor crossfadeSequencesBetween(const std::vector<double>& angles, int frames) {
    auto [a, b] = endLines(angles);
    std::vector<torch::Tensor> seqs;
    for (int64_t i = 0; i < a.size(0); ++i)
        seqs.push_back(crossfade(a[i], b[i], frames));
    return torch::stack(seqs);
}

} // namespace aelab
