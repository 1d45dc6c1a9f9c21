#pragma once
// Internal to ideal_field_grid.cpp: the exact Gaussian sums at a few nodes far
// from the data (docs/references.md (1.6a)–(1.6c)).
#include <cstdint>
#include <vector>

namespace aelab {

// For each node q = (qx[j], qy[j]): log sum_i exp(-|q - x_i|^2 / 2 sigma^2)
// and the weighted mean of the points, leaving out only points whose total
// weight is below e^-logTerms * N times the largest one.
void gatherExact(const float* p, int64_t n, const std::vector<double>& qx,
                 const std::vector<double>& qy, double sigma, double logTerms,
                 std::vector<double>& logS0, std::vector<double>& meanX,
                 std::vector<double>& meanY);

} // namespace aelab
