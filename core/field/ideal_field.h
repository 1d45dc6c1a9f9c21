#pragma once
// The exact optimal denoiser of a finite training set (docs/references.md §1) and
// the field fit score built on it.
#include <torch/types.h>

namespace aelab {

struct IdealField {
    torch::Tensor rMinusX;    // [M, 2]  r*(x) - x
    torch::Tensor logDensity; // [M]     log p_sigma(x)
};

// r*(x) = sum_i w_i(x) x_i, w_i = softmax_i(-|x - x_i|^2 / 2 sigma^2);
// p_sigma(x) = (1/N) sum_i N(x; x_i, sigma^2 I). Queries are processed in
// blocks of at most `block` rows, fewer for large N, so memory stays near
// 4M doubles per temporary whatever M and N are.
IdealField idealField(const torch::Tensor& data, const torch::Tensor& queries, double sigma,
                      int64_t block = 1024);

// r*(x) itself (not r* - x), for chains run with the exact denoiser.
torch::Tensor idealReconstruct(const torch::Tensor& data, const torch::Tensor& x, double sigma);

// R^2 = 1 - sum p (|v - v*|^2) / sum p |v*|^2 over the grid, with p = p_sigma
// (the field fit score, docs/references.md §1). 1 is a perfect fit, 0 is no better than a
// zero field, negative is worse.
double fieldFitR2(const torch::Tensor& learned, const torch::Tensor& ideal,
                  const torch::Tensor& logDensity);

} // namespace aelab
