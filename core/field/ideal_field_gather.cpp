// The exact Gaussian sums at nodes far from the data, where the truncated
// scatter cannot vouch for its answer (docs/references.md (1.6a)–(1.6c)).
#include "core/field/ideal_field_gather.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace aelab {
namespace {

// The points sorted into square cells, each with the box its points span.
struct CellIndex {
    double x0 = 0, y0 = 0, side = 1;
    int nx = 1, ny = 1;
    std::vector<int64_t> start;      // cell c holds points [start[c], start[c + 1])
    std::vector<float> xy;           // the points, cell by cell
    std::vector<float> lo[2], hi[2]; // per cell: the points' bounding box
};

// At most kSide x kSide cells: the scan of all cells per node stays cheap.
constexpr int kSide = 128;

CellIndex buildCells(const float* p, int64_t n, double sigma) {
    CellIndex c;
    double x1 = -1e300, y1 = -1e300;
    c.x0 = c.y0 = 1e300;
    for (int64_t i = 0; i < n; ++i) {
        c.x0 = std::min<double>(c.x0, p[2 * i]), x1 = std::max<double>(x1, p[2 * i]);
        c.y0 = std::min<double>(c.y0, p[2 * i + 1]), y1 = std::max<double>(y1, p[2 * i + 1]);
    }
    c.side = std::max({(x1 - c.x0) / kSide, (y1 - c.y0) / kSide, 2 * sigma, 1e-12});
    c.nx = std::min(kSide, int((x1 - c.x0) / c.side) + 1);
    c.ny = std::min(kSide, int((y1 - c.y0) / c.side) + 1);
    const size_t cells = size_t(c.nx) * c.ny;
    auto cellOf = [&](int64_t i) {
        const int ix = std::min(c.nx - 1, int((p[2 * i] - c.x0) / c.side));
        const int iy = std::min(c.ny - 1, int((p[2 * i + 1] - c.y0) / c.side));
        return size_t(iy) * c.nx + ix;
    };
    c.start.assign(cells + 1, 0);
    for (int64_t i = 0; i < n; ++i)
        ++c.start[cellOf(i) + 1];
    for (size_t k = 0; k < cells; ++k)
        c.start[k + 1] += c.start[k];
    std::vector<int64_t> fill(c.start.begin(), c.start.end() - 1);
    c.xy.resize(size_t(2 * n));
    for (int a = 0; a < 2; ++a) {
        c.lo[a].assign(cells, std::numeric_limits<float>::max());
        c.hi[a].assign(cells, std::numeric_limits<float>::lowest());
    }
    for (int64_t i = 0; i < n; ++i) {
        const size_t k = cellOf(i);
        const int64_t at = fill[k]++;
        for (int a = 0; a < 2; ++a) {
            c.xy[2 * at + a] = p[2 * i + a];
            c.lo[a][k] = std::min(c.lo[a][k], p[2 * i + a]);
            c.hi[a][k] = std::max(c.hi[a][k], p[2 * i + a]);
        }
    }
    return c;
}

// Squared distances from q to the nearest and the farthest point of a box.
double nearSq(double q, double lo, double hi) {
    const double d = q < lo ? lo - q : (q > hi ? q - hi : 0.0);
    return d * d;
}
double farSq(double q, double lo, double hi) {
    const double d = std::max(std::abs(q - lo), std::abs(q - hi));
    return d * d;
}

} // namespace

// A point farther than sqrt(U^2 + 2 sigma^2 logTerms), U
// the distance to some point, weighs less than e^-logTerms times the nearest
// one; with logTerms = log(N / tol) all of them are within tol of the sum.
void gatherExact(const float* p, int64_t n, const std::vector<double>& qx,
                 const std::vector<double>& qy, double sigma, double logTerms,
                 std::vector<double>& logS0, std::vector<double>& meanX,
                 std::vector<double>& meanY) {
    const CellIndex c = buildCells(p, n, sigma);
    const double inv2s2 = 1.0 / (2 * sigma * sigma);
    const size_t cells = c.start.size() - 1;
    std::vector<size_t> used;
    logS0.resize(qx.size()), meanX.resize(qx.size()), meanY.resize(qx.size());
    for (size_t j = 0; j < qx.size(); ++j) {
        double u2 = std::numeric_limits<double>::max();
        for (size_t k = 0; k < cells; ++k)
            if (c.start[k + 1] > c.start[k])
                u2 = std::min(u2, farSq(qx[j], c.lo[0][k], c.hi[0][k]) +
                                      farSq(qy[j], c.lo[1][k], c.hi[1][k]));
        const double cut2 = u2 + 2 * sigma * sigma * logTerms;
        used.clear();
        double min2 = std::numeric_limits<double>::max();
        for (size_t k = 0; k < cells; ++k) {
            if (c.start[k + 1] == c.start[k] ||
                nearSq(qx[j], c.lo[0][k], c.hi[0][k]) + nearSq(qy[j], c.lo[1][k], c.hi[1][k]) >
                    cut2)
                continue;
            used.push_back(k);
            for (int64_t i = c.start[k]; i < c.start[k + 1]; ++i) {
                const double dx = c.xy[2 * i] - qx[j], dy = c.xy[2 * i + 1] - qy[j];
                min2 = std::min(min2, dx * dx + dy * dy);
            }
        }
        double s0 = 0, sx = 0, sy = 0;
        for (size_t k : used)
            for (int64_t i = c.start[k]; i < c.start[k + 1]; ++i) {
                const double x = c.xy[2 * i], y = c.xy[2 * i + 1];
                const double d2 = (x - qx[j]) * (x - qx[j]) + (y - qy[j]) * (y - qy[j]);
                const double w = std::exp(-(d2 - min2) * inv2s2);
                s0 += w, sx += w * x, sy += w * y;
            }
        logS0[j] = std::log(s0) - min2 * inv2s2;
        meanX[j] = sx / s0;
        meanY[j] = sy / s0;
    }
}

} // namespace aelab
