#include "core/nets/weight_init.h"

#include <cmath>

namespace aelab {

void heUniformInit(torch::nn::Module& module, at::Generator& gen) {
    torch::NoGradGuard noGrad;
    for (auto& p : module.named_parameters()) {
        auto& t = p.value();
        if (p.key().find("bias") != std::string::npos) {
            t.zero_();
            continue;
        }
        const int64_t fanIn = t.numel() / t.size(0);
        const double bound = std::sqrt(6.0 / ((1 + 0.04) * double(fanIn)));
        t.copy_(torch::rand(t.sizes(), gen, t.options()) * (2 * bound) - bound);
    }
}

int64_t parameterCount(const torch::nn::Module& module) {
    int64_t n = 0;
    for (const auto& p : module.parameters())
        n += p.numel();
    return n;
}

} // namespace aelab
