#pragma once
// The interpolation lab's models and settings as plain data (no Torch),
// shared by the GUI, the command line and the tests. docs/references.md §4.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aelab {

// The four autoencoders the lab compares, on one encoder/decoder.
enum class InterpModel { Plain, Denoising, Variational, Acai };

struct InterpConfig {
    InterpModel model = InterpModel::Acai;
    // Channels at the first scale (doubled at each further scale), the number
    // of 2x2 poolings, and the channels of the latent map: the latent has
    // latentChannels x (H / 2^scales) x (W / 2^scales) numbers.
    int depth = 8;
    int scales = 3;
    int latentChannels = 4;
    double lambda = 0.5;   // ACAI: weight of the critic term in the autoencoder loss
    double gamma = 0.2;    // ACAI: blend of input and reconstruction shown to the critic
    double noiseStd = 1.0; // denoising: Gaussian sigma on the [-1, 1] images
    double klWeight = 1.0; // variational: weight of the KL term per latent number
    double learningRate = 5e-4;
    int batch = 64;
    std::uint64_t seed = 1;
};

std::string modelName(InterpModel model);                          // "acai", ...
std::string modelTitle(InterpModel model);                         // "ACAI", ...
std::optional<InterpModel> parseInterpModel(const std::string& s); // from modelName
std::vector<InterpModel> allInterpModels();

// The nets' defaults for an image size: lines (32 x 32) get 4 scales to the
// paper's 2 x 2 x 16 latent (64 numbers); 28 x 28 images get 2 scales to
// 7 x 7 x 2 (98 numbers).
InterpConfig defaultInterpConfig(InterpModel model, int height, int width);

// Empty when the nets can take images of this size, else why not.
std::string checkInterpShape(const InterpConfig& config, int channels, int height, int width);

} // namespace aelab
