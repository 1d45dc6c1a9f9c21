#include "core/training/corruption.h"

namespace aelab {

torch::Tensor corrupt(const torch::Tensor& x, const CorruptionSpec& spec, at::Generator& gen) {
    const float p = spec.level;
    switch (spec.kind) {
    case CorruptionKind::Gaussian:
        return x + p * torch::randn(x.sizes(), gen, x.options());
    case CorruptionKind::SaltPepper: {
        auto replace = torch::rand(x.sizes(), gen, x.options()) < p;
        auto salt = (torch::rand(x.sizes(), gen, x.options()) < p).to(x.scalar_type());
        return torch::where(replace, salt, x);
    }
    case CorruptionKind::Masking: {
        auto keep = (torch::rand(x.sizes(), gen, x.options()) >= p).to(x.scalar_type());
        return x * keep;
    }
    }
    return x;
}

} // namespace aelab
