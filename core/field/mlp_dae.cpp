#include "core/field/mlp_dae.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/linear.h>
#include <cmath>

namespace aelab {

namespace {
torch::nn::AnyModule makeActivation(Activation a) {
    switch (a) {
    case Activation::ReLU:
        return torch::nn::AnyModule(torch::nn::ReLU());
    case Activation::Tanh:
        return torch::nn::AnyModule(torch::nn::Tanh());
    case Activation::Softplus:
        return torch::nn::AnyModule(torch::nn::Softplus());
    }
    return torch::nn::AnyModule(torch::nn::ReLU());
}
} // namespace

MlpDaeImpl::MlpDaeImpl(const MlpDaeOptions& options) : options_(options) {
    int in = options.inputDim + options.conditionDim;
    for (int i = 0; i < options.depth; ++i) {
        net_->push_back(torch::nn::Linear(in, options.width));
        net_->push_back(makeActivation(options.activation));
        in = options.width;
    }
    net_->push_back(torch::nn::Linear(in, options.inputDim));
    register_module("net", net_);
}

torch::Tensor MlpDaeImpl::logits(const torch::Tensor& x) {
    return net_->forward(x);
}

torch::Tensor MlpDaeImpl::forward(const torch::Tensor& x) {
    auto y = logits(x);
    return options_.sigmoidOutput ? torch::sigmoid(y) : y;
}

torch::Tensor MlpDaeImpl::forward(const torch::Tensor& x, const torch::Tensor& condition) {
    return net_->forward(torch::cat({x, condition}, 1));
}

void MlpDaeImpl::initialise(at::Generator& gen) {
    torch::NoGradGuard noGrad;
    for (auto& module : net_->children()) {
        auto* linear = module->as<torch::nn::Linear>();
        if (!linear) continue;
        const double bound = 1.0 / std::sqrt(double(linear->weight.size(1)));
        linear->weight.uniform_(-bound, bound, gen);
        linear->bias.uniform_(-bound, bound, gen);
    }
}

} // namespace aelab
