#pragma once
// Basins of attraction of the plain chain x <- r(x) (docs/references.md §2): run
// it from every grid cell's centre and group the end points, so each cell
// can be coloured by where its chain goes.
#include "core/sampling/chain_sampler.h"
#include "core/field/field_types.h"

#include <vector>

namespace aelab {

struct Basins {
    GridSpec grid;
    std::vector<int> label;        // per grid cell (row-major); -1: still moving after maxSteps
    std::vector<float> attractors; // x0,y0,x1,y1,...: one per label
};

// End points closer than mergeRadius (data units) are one attractor; a chain
// whose last step moved more than mergeRadius / 10 has not settled. Attractor
// labels are numbered in order of first appearance, row by row from the
// bottom left, so the same field always gets the same colours.
Basins computeBasins(const Denoiser& r, const GridSpec& grid, int maxSteps, float mergeRadius);

} // namespace aelab
