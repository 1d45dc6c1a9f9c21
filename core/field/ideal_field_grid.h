#pragma once
// The ideal field on the field lab's regular grid at any data size
// (docs/references.md (1.6a)–(1.6c)): a truncated sum, within a stated tolerance of
// the direct sum of ideal_field.h, whose cost grows like N, not N x grid, and
// whose memory beyond the points is a few arrays of the grid's size. At the
// lab's 1,000 points it takes 2 ms where the direct sum took 32.
#include "core/field/field_types.h"
#include "core/field/ideal_field.h"

namespace aelab {

// The guaranteed accuracy of the truncated sum: |log p - log p*| <= tol, and
// |r - r*| <= 2 tol D, D the largest distance from a node to a point.
inline constexpr double kTruncationTolerance = 1e-9;

// r* - x and log p_sigma at grid's nodes, in the order of its points
// (iy * nx + ix). Each point adds to the nodes within sigma * sqrt(2 L) of it (a square of
// nodes, separable Gaussian weights); L is chosen so that a node whose sum
// passes the check (1.6b) is within tol of the exact answer. Nodes far from
// every point fail the check and are summed exactly over the points that
// can matter, found through a grid of cells.
IdealField idealFieldOnGrid(const torch::Tensor& data, const GridSpec& grid, double sigma,
                            double tol = kTruncationTolerance);

// The grid's nodes as points, [G, 2] in the order above (iy * nx + ix):
// where a learned field is evaluated and the direct sum is taken.
torch::Tensor gridNodes(const GridSpec& grid);

// How many nodes of the last call on this thread needed the exact
// gather (for tests and the benchmark).
int64_t lastGatheredNodes();

} // namespace aelab
