#pragma once
// ACAI's mixing and losses as plain tensor functions (docs/references.md §4), so
// the trainer and the tests use the same formulas.
#include <torch/types.h>

namespace aelab {

// z_alpha = alpha * z + (1 - alpha) * z reversed along the batch: each
// example is mixed with its mirror partner. alpha: [N].
torch::Tensor mixLatents(const torch::Tensor& z, const torch::Tensor& alpha);

// Autoencoder loss: mean (x - x^)^2 + lambda * mean d(x^_alpha)^2.
torch::Tensor acaiAutoencoderLoss(const torch::Tensor& x, const torch::Tensor& xhat,
                                  const torch::Tensor& criticOfMix, double lambda);

// What the critic sees as "real": gamma * x + (1 - gamma) * x^.
torch::Tensor criticBlend(const torch::Tensor& x, const torch::Tensor& xhat, double gamma);

// Critic loss: mean (d(x^_alpha) - alpha)^2 + mean d(gamma x + (1 - gamma) x^)^2.
torch::Tensor acaiCriticLoss(const torch::Tensor& criticOfMix, const torch::Tensor& alpha,
                             const torch::Tensor& criticOfBlend);

// The variational baseline's KL(q(z|x) || N(0, I)) summed over the latent,
// one value per example: 0.5 * sum(mu^2 + exp(logvar) - 1 - logvar).
torch::Tensor gaussianKl(const torch::Tensor& mu, const torch::Tensor& logvar);

} // namespace aelab
