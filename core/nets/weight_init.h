#pragma once
// Seeded weight initialisation shared by every image model, so a run depends
// on its seed alone.
#include <ATen/core/Generator.h>
#include <torch/nn/module.h>

namespace aelab {

// He-uniform for leaky ReLU (slope 0.2) on every weight of `module`, zero
// biases: bound = sqrt(6 / ((1 + a^2) fan_in)).
void heUniformInit(torch::nn::Module& module, at::Generator& gen);

// Number of trainable numbers in `module`.
int64_t parameterCount(const torch::nn::Module& module);

} // namespace aelab
