#include "core/interp/interp_config.h"

namespace aelab {

std::string modelName(InterpModel model) {
    switch (model) {
    case InterpModel::Plain:
        return "plain";
    case InterpModel::Denoising:
        return "denoising";
    case InterpModel::Variational:
        return "vae";
    case InterpModel::Acai:
        return "acai";
    }
    return {};
}

std::string modelTitle(InterpModel model) {
    switch (model) {
    case InterpModel::Plain:
        return "Plain AE";
    case InterpModel::Denoising:
        return "Denoising AE";
    case InterpModel::Variational:
        return "VAE";
    case InterpModel::Acai:
        return "ACAI";
    }
    return {};
}

std::vector<InterpModel> allInterpModels() {
    return {InterpModel::Plain, InterpModel::Denoising, InterpModel::Variational,
            InterpModel::Acai};
}

std::optional<InterpModel> parseInterpModel(const std::string& s) {
    for (InterpModel m : allInterpModels())
        if (modelName(m) == s) return m;
    return std::nullopt;
}

InterpConfig defaultInterpConfig(InterpModel model, int height, int width) {
    InterpConfig c;
    c.model = model;
    if (height % 16 == 0 && width % 16 == 0) {
        // The paper's latent shape: at 3,000 steps it interpolated lines far
        // more smoothly than 4 x 4 x 4 at the same cost (docs/model-zoo.md).
        c.scales = 4;
        c.latentChannels = 16;
    } else {
        c.scales = 2;
        c.latentChannels = 2;
    }
    return c;
}

std::string checkInterpShape(const InterpConfig& c, int channels, int height, int width) {
    if (channels < 1) return "the images have no channels";
    if (c.depth < 1 || c.latentChannels < 1 || c.scales < 1 || c.scales > 5)
        return "depth and latent channels must be positive, scales between 1 and 5";
    const int f = 1 << c.scales;
    if (height % f || width % f)
        return "the images (" + std::to_string(height) + "x" + std::to_string(width) +
               ") must be divisible by 2^" + std::to_string(c.scales) + " = " + std::to_string(f) +
               " for " + std::to_string(c.scales) + " scales";
    return {};
}

} // namespace aelab
