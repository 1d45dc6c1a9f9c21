#pragma once
// The DVAE lab's models and settings as plain data (no Torch). docs/references.md
// §3: the VAE, its denoising version (DVAE: corrupt the input, reconstruct the
// clean image), and the importance-weighted versions IWAE and DIWAE.
#include "core/training/corruption_spec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aelab {

enum class VaeModel { Vae, Dvae, Iwae, Diwae };
enum class VaeArch { Mlp, Conv };
// How grey training images become binary (docs/references.md §3): once, with
// a fixed seed (the paper's protocol), or afresh for every batch (the
// paper's "data augmentation" baseline).
enum class Binarize { Fixed, Resample };

struct VaeConfig {
    VaeModel model = VaeModel::Dvae;
    VaeArch arch = VaeArch::Mlp;
    int hidden = 200; // MLP: units of each hidden layer (the authors' 784-200-200-50)
    int latent = 50;
    int samples = 5; // k for IWAE and DIWAE training; the VAE and DVAE use 1
    CorruptionSpec noise{CorruptionKind::SaltPepper, 0.1f}; // DVAE and DIWAE
    double learningRate = 1e-3;
    int batch = 100;
    std::uint64_t seed = 1;
    Binarize binarize = Binarize::Resample;
    int decoderLayers = 2;   // MLP decoder's hidden layers: the authors' has 1 (50-200-784)
    double clipNorm = 0;     // gradient-norm clipping; 0: none (the authors clip at 5)
    bool analyticKl = false; // VAE and DVAE: KL(q‖p) in closed form, not one sample
    // Step decay: the learning rate is multiplied by lrDecay every
    // lrDecayEpochs epochs (0: constant, as before).
    double lrDecayEpochs = 0;
    double lrDecay = 0.5;
    // The DVAE lab's data setting (the trainer takes the images it is given):
    // train on this many images, class-balanced; 0: all.
    long long trainImages = 0;
};

// The DVAE lab's live figures, which `aelab dvae --curve-every` records the
// same way for the zoo: the test NLL with K = 100 importance samples on 200
// evenly spread test images, and the training -ELBO on 200 training images.
constexpr int kLiveNllK = 100;
constexpr int kLiveNllImages = 200;

inline bool isDenoising(VaeModel m) {
    return m == VaeModel::Dvae || m == VaeModel::Diwae;
}
inline bool isImportanceWeighted(VaeModel m) {
    return m == VaeModel::Iwae || m == VaeModel::Diwae;
}
inline int trainingSamples(const VaeConfig& c) {
    return isImportanceWeighted(c.model) ? c.samples : 1;
}

std::string vaeModelName(VaeModel m);  // "vae", "dvae", "iwae", "diwae"
std::string vaeModelTitle(VaeModel m); // "VAE", "DVAE", ...
std::optional<VaeModel> parseVaeModel(const std::string& s);
std::vector<VaeModel> allVaeModels();

} // namespace aelab
