#include "core/field/ideal_field_grid.h"
#include "core/field/ideal_field_gather.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace aelab {
namespace {

thread_local int64_t gathered = 0;

// Unnormalised Gaussian sums at each node: S0 = sum_i w_i, SX = sum_i w_i x_i,
// SY = sum_i w_i y_i, with w_i = exp(-|q - x_i|^2 / 2 sigma^2).
struct NodeSums {
    std::vector<double> s0, sx, sy;
    explicit NodeSums(size_t m) : s0(m, 0.0), sx(m, 0.0), sy(m, 0.0) {}
};

struct Axis {
    std::vector<double> at; // node coordinates, as the float grid gives them
    double first = 0, step = 1;
    // The nodes within r of v: [lo, hi], empty when lo > hi.
    void range(double v, double r, int& lo, int& hi) const {
        const int n = int(at.size());
        lo = std::max(0, int(std::ceil((v - r - first) / step)) - 1);
        hi = std::min(n - 1, int(std::floor((v + r - first) / step)) + 1);
        while (lo <= hi && at[lo] < v - r)
            ++lo;
        while (hi >= lo && at[hi] > v + r)
            --hi;
    }
};

Axis axisOf(const GridSpec& g, bool isX) {
    Axis a;
    const int n = isX ? g.nx : g.ny;
    for (int i = 0; i < n; ++i)
        a.at.push_back(isX ? g.x(i) : g.y(i));
    a.first = a.at.front();
    a.step = n > 1 ? (a.at.back() - a.at.front()) / (n - 1) : 1.0;
    return a;
}

// One point's weights on one row of nodes: the hot loop.
inline void addRow(NodeSums& out, size_t row, int x0, int x1, double wy, const double* ex,
                   double px, double py) {
    double* __restrict s0 = out.s0.data() + row;
    double* __restrict sx = out.sx.data() + row;
    double* __restrict sy = out.sy.data() + row;
    for (int ix = x0; ix <= x1; ++ix) {
        const double w = wy * ex[ix];
        s0[ix] += w;
        sx[ix] += w * px;
        sy[ix] += w * py;
    }
}

// Every point adds exp(-dx^2/2s^2) exp(-dy^2/2s^2) to the nodes of the square
// of half-side r around it: the weights are separable, so a point costs two
// short rows of exp() and one outer product. Built for the wider vector units
// too (the library's baseline is SSE2; the CPU picks at load).
__attribute__((target_clones("avx512f", "avx2", "default"))) void
scatter(const float* p, int64_t n, const Axis& ax, const Axis& ay, double sigma, double r,
        NodeSums& out) {
    const double inv2s2 = 1.0 / (2 * sigma * sigma);
    const int nx = int(ax.at.size());
    std::vector<double> ex(ax.at.size()), ey(ay.at.size());
    for (int64_t i = 0; i < n; ++i) {
        const double px = p[2 * i], py = p[2 * i + 1];
        int x0, x1, y0, y1;
        ax.range(px, r, x0, x1);
        ay.range(py, r, y0, y1);
        if (x0 > x1 || y0 > y1) continue;
        for (int ix = x0; ix <= x1; ++ix)
            ex[ix] = std::exp(-(ax.at[ix] - px) * (ax.at[ix] - px) * inv2s2);
        for (int iy = y0; iy <= y1; ++iy)
            ey[iy] = std::exp(-(ay.at[iy] - py) * (ay.at[iy] - py) * inv2s2);
        for (int iy = y0; iy <= y1; ++iy)
            addRow(out, size_t(iy) * nx, x0, x1, ey[iy], ex.data(), px, py);
    }
}

} // namespace

torch::Tensor gridNodes(const GridSpec& g) {
    auto q = torch::empty({g.size(), 2});
    auto a = q.accessor<float, 2>();
    for (int iy = 0; iy < g.ny; ++iy)
        for (int ix = 0; ix < g.nx; ++ix) {
            a[iy * g.nx + ix][0] = g.x(ix);
            a[iy * g.nx + ix][1] = g.y(iy);
        }
    return q;
}

int64_t lastGatheredNodes() {
    return gathered;
}

IdealField idealFieldOnGrid(const torch::Tensor& data, const GridSpec& grid, double sigma,
                            double tol) {
    if (sigma <= 0) throw std::invalid_argument("idealField: sigma must be positive");
    auto pts = data.to(torch::kFloat32).contiguous();
    const float* p = pts.data_ptr<float>();
    const int64_t n = pts.size(0);
    const Axis ax = axisOf(grid, true), ay = axisOf(grid, false);
    const size_t m = size_t(grid.size());
    // (1.6b): a point left out weighs less than e^-L; all of them together less
    // than N e^-L, which is within tol of S0 once S0 >= N e^-L / tol. With the
    // margin 6 that holds at every node with a point within 3.4 sigma.
    const double logTerms = std::log(double(std::max<int64_t>(n, 1)) / tol);
    const double L = logTerms + 6;
    const double r = sigma * std::sqrt(2 * L);
    NodeSums sums(m);
    scatter(p, n, ax, ay, sigma, r, sums);

    const double threshold = std::exp(-L + logTerms); // N e^-L / tol
    const double logNorm = -std::log(2 * M_PI * sigma * sigma) - std::log(double(n));
    auto field = torch::empty({int64_t(m), 2}, torch::kFloat32);
    auto logp = torch::empty({int64_t(m)}, torch::kFloat32);
    auto f = field.accessor<float, 2>();
    auto lp = logp.accessor<float, 1>();
    std::vector<size_t> far;
    std::vector<double> fx, fy;
    for (size_t k = 0; k < m; ++k) {
        const double qx = ax.at[k % grid.nx], qy = ay.at[k / grid.nx];
        if (!(sums.s0[k] >= threshold)) {
            far.push_back(k), fx.push_back(qx), fy.push_back(qy);
            continue;
        }
        f[k][0] = float(sums.sx[k] / sums.s0[k] - qx);
        f[k][1] = float(sums.sy[k] / sums.s0[k] - qy);
        lp[k] = float(std::log(sums.s0[k]) + logNorm);
    }
    gathered = int64_t(far.size());
    if (!far.empty()) {
        std::vector<double> logS0, mx, my;
        gatherExact(p, n, fx, fy, sigma, logTerms, logS0, mx, my);
        for (size_t j = 0; j < far.size(); ++j) {
            f[far[j]][0] = float(mx[j] - fx[j]);
            f[far[j]][1] = float(my[j] - fy[j]);
            lp[far[j]] = float(logS0[j] + logNorm);
        }
    }
    return {field, logp};
}

} // namespace aelab
