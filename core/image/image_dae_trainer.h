#pragma once
// Trains the image DAE: clean images x in [0, 1], corrupted x~ from the
// shared corruption module, loss between x and r(x~): binary cross-entropy
// on the sigmoid output (docs/references.md §2) or squared error. Knows nothing
// about threads or screens.
#include "core/sampling/chain_sampler.h"
#include "core/image/image_dae.h"
#include "core/image/image_dae_config.h"
#include "core/training/step_result.h"
#include "core/training/guarded_training.h"

#include <torch/optim/adam.h>

#include <memory>
#include <string>

namespace aelab {

// What an image-DAE model file says about itself (image_dae_model_file.cpp).
struct ImageDaeModelInfo {
    ImageDaeConfig config;
    std::string dataset; // the image source, "mnist"
    int64_t channels = 0, height = 0, width = 0;
    long long step = 0;
    bool hasMoments = false; // Adam's moments are in the file
};

class ImageDaeTrainer {
  public:
    // train: [N, C, H, W] in [0, 1]. Throws std::invalid_argument for a shape
    // the architecture cannot take.
    ImageDaeTrainer(torch::Tensor train, const ImageDaeConfig& config);

    // n Adam steps on minibatches drawn with the config's seed. A NaN/inf loss
    // stops the burst, restores the last good weights (kept every 50 steps)
    // and restarts Adam's moments.
    StepResult train(int n);
    long long step() const { return step_; }

    // Mean loss per pixel on `images` (clean), corrupted with a fixed seed so
    // successive evaluations compare like with like.
    double evaluateLoss(const torch::Tensor& images, int64_t maxImages = 1000);
    // r(x) in eval mode without gradients, in batches.
    torch::Tensor reconstruct(const torch::Tensor& x);
    // x corrupted by the configured process with its own seed.
    torch::Tensor corrupt(const torch::Tensor& x, std::uint64_t seed) const;
    // The denoiser for ChainSampler, and the training corruption as its
    // injector (x <- r(C(x)), the sampler that matches what r was trained on).
    Denoiser denoiser();
    Injector trainingCorruption();

    // Noise, learning rate and batch take effect at the next step; the
    // architecture and loss need a new trainer.
    void setLive(const CorruptionSpec& noise, double learningRate, int batch);
    const ImageDaeConfig& config() const { return config_; }
    ImageDae& model() { return model_; }
    const torch::Tensor& data() const { return train_; }

    // The trained state (weights, Adam, step, batch generator) in memory, for
    // sessions; loadState needs a trainer built with the same settings on
    // images of the same size, else throws ModelFileError and changes nothing.
    std::string saveState();
    void loadState(const std::string& bytes);

    // A model file: settings, data, step, weights and (withMoments) Adam's
    // moments; training on from a file without them starts Adam afresh.
    // Errors are ModelFileError naming the file.
    void saveModel(const std::string& path, const std::string& dataset, bool withMoments);
    static ImageDaeModelInfo readModelInfo(const std::string& path);
    // train: images of the shape it was trained on.
    static std::unique_ptr<ImageDaeTrainer> loadModel(const std::string& path, torch::Tensor train);

  private:
    std::string signature() const;
    torch::Tensor lossOf(const torch::Tensor& clean, const torch::Tensor& noisy);
    void saveGood() { guard_.keep(step_); }
    void freshOptimiser();

    torch::Tensor train_;
    ImageDaeConfig config_;
    ImageDae model_{nullptr};
    std::unique_ptr<torch::optim::Adam> optimiser_;
    at::Generator gen_;
    long long step_ = 0;
    GuardedTraining guard_{[this] { return model_->parameters(); }, [this] { freshOptimiser(); }};
};

// Where sampling chains start: uniform noise, or (fromTest) test images
// corrupted by the trainer's corruption, for refinement.
torch::Tensor chainStartImages(const ImageDaeTrainer& trainer, const torch::Tensor& test,
                               int64_t count, bool fromTest, std::uint64_t seed);

// n images of uniform noise U(0, 1) with the given shape, seeded.
torch::Tensor uniformImages(int64_t n, int64_t channels, int64_t height, int64_t width,
                            std::uint64_t seed);

} // namespace aelab
