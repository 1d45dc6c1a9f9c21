#pragma once
// The variational bounds and the likelihood estimate (docs/references.md §3) as
// plain tensor functions, so the trainer and the tests share the formulas.
// Shapes: x [N, D]; logits [K, N, D]; z [K, N, L]; mu, logvar [N, L].
#include <torch/types.h>

#include <functional>

namespace aelab {

// log p(x|z) of a Bernoulli decoder: sum_d x log s(l) + (1 - x) log(1 - s(l)),
// with s the sigmoid, computed stably; [K, N].
torch::Tensor logBernoulli(const torch::Tensor& x, const torch::Tensor& logits);
// log N(z; mu, diag(exp(logvar))), summed over the latent; [K, N].
torch::Tensor logNormalDiag(const torch::Tensor& z, const torch::Tensor& mu,
                            const torch::Tensor& logvar);
// log N(z; 0, I); [K, N].
torch::Tensor logStandardNormal(const torch::Tensor& z);
// The importance-weighted bound log (1/K) sum_k exp(logw_k) per example: [N].
// With K = 1 it is the ELBO's single-sample estimate.
torch::Tensor importanceBound(const torch::Tensor& logw);

// log p(x) ~ log (1/K) sum_k w_k with K = total samples, drawn `chunk` at a
// time so memory stays flat: draw(m) returns log w for m new samples, [m, N].
// Returns [N].
torch::Tensor importanceLogLikelihood(int total, int chunk,
                                      const std::function<torch::Tensor(int)>& draw);

} // namespace aelab
