#pragma once
// Trains one of the interpolation lab's autoencoders (docs/references.md §4):
// plain, denoising (Gaussian noise on the input), variational, or ACAI with
// its critic and two Adam optimisers. Images come and go in [0, 1] like every
// ImageSet; inside, the nets work on 2x - 1 in [-1, 1] as the paper does, and
// decoded images are returned without clipping (the lines metrics score the
// raw output). Knows nothing about threads or screens.
#include "core/interp/interp_config.h"
#include "core/nets/interp_nets.h"
#include "core/training/model_file_error.h"
#include "core/training/step_result.h"
#include "core/training/guarded_training.h"

#include <ATen/core/Generator.h>
#include <torch/optim/adam.h>

#include <memory>

namespace aelab {

struct InterpCheckpointInfo {
    InterpConfig config;
    std::string dataset;
    int channels = 0, height = 0, width = 0;
    long long step = 0;
};

class InterpTrainer {
  public:
    // train: [N, C, H, W] in [0, 1]. Throws std::invalid_argument for a shape
    // the nets cannot take.
    InterpTrainer(torch::Tensor train, const InterpConfig& config);

    // n steps. A non-finite loss stops the burst and restores the last good
    // weights (kept every 50 steps) with fresh optimisers.
    StepResult train(int n);
    double lastCriticLoss() const { return criticLoss_; } // ACAI; 0 otherwise
    long long step() const { return step_; }

    // Mean squared reconstruction error per pixel on the [-1, 1] scale, clean
    // input, every model alike.
    double evaluateLoss(const torch::Tensor& images, int64_t maxImages = 1000);

    torch::Tensor encode(const torch::Tensor& images); // the mean code for the VAE
    torch::Tensor decode(const torch::Tensor& z);      // [0, 1] scale, unclipped
    torch::Tensor reconstruct(const torch::Tensor& images) { return decode(encode(images)); }
    // `frames` decoded images from a to b ([1, C, H, W] each), end frames
    // included; linear or spherical interpolation of the codes.
    torch::Tensor interpolate(const torch::Tensor& a, const torch::Tensor& b, int frames,
                              bool spherical = false);
    // The same for P pairs at once: a, b [P, C, H, W] -> [P, frames, C, H, W].
    torch::Tensor interpolatePairs(const torch::Tensor& a, const torch::Tensor& b, int frames,
                                   bool spherical = false);
    // The critic's estimate of alpha for each image (ACAI only), [N].
    torch::Tensor criticEstimate(const torch::Tensor& images);
    bool hasCritic() const { return bool(critic_); }

    // Learning rate, batch, lambda, gamma, noise and KL weight take effect at
    // the next step; the nets' shape needs a new trainer.
    void setLive(const InterpConfig& live);
    const InterpConfig& config() const { return config_; }
    const torch::Tensor& trainImages() const { return train_; }
    int64_t parameterCount() const; // encoder + decoder (+ critic)

    // Checkpoints hold the settings, the step, every net and both optimisers.
    // Errors throw ModelFileError naming the file.
    void save(const std::string& path, const std::string& dataset) const;
    static InterpCheckpointInfo readInfo(const std::string& path);
    // `train` must have the image shape the checkpoint was trained on.
    static std::unique_ptr<InterpTrainer> load(const std::string& path, torch::Tensor train);
    // The same archive in memory (sessions); name is what errors call it.
    std::string saveBytes(const std::string& dataset) const;
    static std::unique_ptr<InterpTrainer> loadBytes(const std::string& bytes, torch::Tensor train,
                                                    const std::string& name);

  private:
    static std::unique_ptr<InterpTrainer> fromArchive(torch::serialize::InputArchive& a,
                                                      torch::Tensor train, const std::string& name);
    torch::Tensor toSigned(const torch::Tensor& images) const { return images * 2 - 1; }
    torch::Tensor stepLoss(const torch::Tensor& x);
    void makeOptimisers();
    std::vector<torch::Tensor> allParameters() const;
    void saveGood() { guard_.keep(step_); }

    torch::Tensor train_;
    InterpConfig config_;
    ConvNetShape shape_;
    ConvEncoder encoder_{nullptr};
    ConvDecoder decoder_{nullptr};
    Critic critic_{nullptr};
    std::unique_ptr<torch::optim::Adam> aeOptimiser_, criticOptimiser_;
    at::Generator gen_;
    long long step_ = 0;
    double criticLoss_ = 0;
    GuardedTraining guard_{[this] { return allParameters(); }, [this] { makeOptimisers(); }};
};

} // namespace aelab
