#include "core/interp/lines_protocol.h"
#include "core/interp/interp_trainer.h"
#include "datasets/lines.h"

namespace aelab {

namespace {
// The pairs' end lines as [pairs, 1, 32, 32] on the [-1, 1] scale.
std::pair<torch::Tensor, torch::Tensor> endLines(int pairs) {
    const std::vector<double> angles = benchmarkAngles(pairs);
    auto lines = lineImages(angles);
    return {lines.slice(0, 0, pairs), lines.slice(0, pairs, 2 * pairs)};
}
} // namespace

torch::Tensor modelSequences(InterpTrainer& trainer, int pairs, int frames, bool spherical) {
    auto [a, b] = endLines(pairs);
    // The trainer takes [0, 1] images and returns the same scale.
    return trainer.interpolatePairs((a + 1) * 0.5, (b + 1) * 0.5, frames, spherical) * 2 - 1;
}

torch::Tensor crossfadeSequences(int pairs, int frames) {
    auto [a, b] = endLines(pairs);
    std::vector<torch::Tensor> seqs;
    for (int i = 0; i < pairs; ++i)
        seqs.push_back(crossfade(a[i], b[i], frames));
    return torch::stack(seqs);
}

} // namespace aelab
