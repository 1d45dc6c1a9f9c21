#pragma once
// The building blocks of the convolutional image models (docs/references.md §4's
// shape): 3x3 "same" convolutions, leaky ReLU with slope 0.2, 2x2 average
// pooling down and nearest-neighbour upsampling back.
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/pooling.h>
#include <torch/nn/modules/upsampling.h>

namespace aelab::blocks {

inline torch::nn::Conv2d conv3(int in, int out) {
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1));
}
inline torch::nn::LeakyReLU lrelu() {
    return torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2));
}
inline torch::nn::AvgPool2d pool2() {
    return torch::nn::AvgPool2d(2);
}
inline torch::nn::Upsample upsample2() {
    return torch::nn::Upsample(
        torch::nn::UpsampleOptions().scale_factor(std::vector<double>{2, 2}).mode(torch::kNearest));
}

} // namespace aelab::blocks
