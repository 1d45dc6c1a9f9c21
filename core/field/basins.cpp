#include "core/field/basins.h"
#include "core/field/ideal_field_grid.h"

#include <torch/types.h>
#include <torch/utils.h>

namespace aelab {

Basins computeBasins(const Denoiser& r, const GridSpec& grid, int maxSteps, float mergeRadius) {
    torch::NoGradGuard noGrad;
    auto x = gridNodes(grid);
    auto lastMove = torch::zeros({grid.size()});
    const float settledMove = mergeRadius / 10;
    for (int s = 0; s < maxSteps; ++s) {
        auto next = r(x);
        lastMove = (next - x).norm(2, 1);
        x = next;
        if (lastMove.max().item<float>() < 1e-3f * settledMove) break; // every chain has stopped
    }
    x = x.contiguous();
    lastMove = lastMove.contiguous();
    const float* p = x.data_ptr<float>();
    const float* moved = lastMove.data_ptr<float>();

    Basins out;
    out.grid = grid;
    out.label.assign(size_t(grid.size()), -1);
    const float r2 = mergeRadius * mergeRadius;
    for (int i = 0; i < grid.size(); ++i) {
        if (!(moved[i] <= settledMove)) continue; // also catches NaN
        const float px = p[2 * i], py = p[2 * i + 1];
        int found = -1;
        for (size_t k = 0; k + 1 < out.attractors.size() && found < 0; k += 2) {
            const float dx = px - out.attractors[k], dy = py - out.attractors[k + 1];
            if (dx * dx + dy * dy <= r2) found = int(k / 2);
        }
        if (found < 0) {
            found = int(out.attractors.size() / 2);
            out.attractors.push_back(px);
            out.attractors.push_back(py);
        }
        out.label[size_t(i)] = found;
    }
    return out;
}

} // namespace aelab
