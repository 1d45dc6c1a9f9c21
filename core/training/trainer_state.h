#pragma once
// A trainer's state (weights, Adam's moments, step and batch generator) as
// an archive in memory: sessions keep the image labs' models this way. The
// archive names the settings it was made with (signature); loading into a
// trainer built with other settings or other image sizes is refused. The
// same parts go into the labs' model files (writeTrainerState), where Adam's
// moments may be left out to keep a shipped model small.
#include <ATen/core/Generator.h>
#include <torch/nn/module.h>
#include <torch/optim/adam.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

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

// The parts themselves, into an archive that carries its own format tag.
// adam may be null: the moments are then not written.
void writeTrainerState(torch::serialize::OutputArchive& a, const std::string& signature,
                       torch::nn::Module& model, torch::optim::Adam* adam, long long step,
                       const at::Generator& gen);
// Reads them back (an archive without moments leaves adam as it is) and
// returns the step; throws std::runtime_error, having changed nothing.
long long readTrainerState(torch::serialize::InputArchive& a, const std::string& signature,
                           torch::nn::Module& model, torch::optim::Adam& adam, at::Generator& gen);

} // namespace aelab
