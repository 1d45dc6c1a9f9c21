#pragma once
// A trainer's state (weights, Adam's moments, step and batch generator) as
// an archive in memory: sessions keep the image labs' models this way. The
// archive names the settings it was made with (signature); loading into a
// trainer built with other settings or other image sizes is refused.
#include <ATen/core/Generator.h>
#include <torch/nn/module.h>
#include <torch/optim/adam.h>

#include <string>

namespace aelab {

// "1x28x28 images" for an [N, C, H, W] set: part of a signature.
std::string imageShapeText(const torch::Tensor& images);

std::string saveTrainerState(const std::string& format, const std::string& signature,
                             torch::nn::Module& model, torch::optim::Adam& adam, long long step,
                             const at::Generator& gen);

// Loads bytes into model, adam and gen and returns the step. Throws
// ModelFileError (naming name) for a damaged or foreign archive, or one saved
// with another signature; then nothing was changed.
long long loadTrainerState(const std::string& bytes, const std::string& name,
                           const std::string& format, const std::string& signature,
                           torch::nn::Module& model, torch::optim::Adam& adam, at::Generator& gen);

} // namespace aelab
