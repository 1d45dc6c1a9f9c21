#pragma once
// The image DAE's settings as plain data (no Torch), shared by the GUI, the
// command line and the tests.
#include "core/training/corruption_spec.h"

#include <cstdint>
#include <string>

namespace aelab {

enum class ImageArch { Conv, Mlp };
enum class ImageLoss { Bce, SquaredError };

struct ImageDaeConfig {
    ImageArch arch = ImageArch::Conv;
    int base = 16; // conv: channels at the first scale; MLP: first hidden layer's units
    ImageLoss loss = ImageLoss::Bce;
    CorruptionSpec noise{CorruptionKind::Gaussian, 0.5f};
    double learningRate = 1e-3;
    int batch = 64;
    std::uint64_t seed = 1;
};

inline int defaultBase(ImageArch arch) {
    return arch == ImageArch::Conv ? 16 : 512;
}
inline std::string lossName(ImageLoss loss) {
    return loss == ImageLoss::Bce ? "bce" : "mse";
}
inline std::string archName(ImageArch arch) {
    return arch == ImageArch::Conv ? "conv" : "mlp";
}

} // namespace aelab
