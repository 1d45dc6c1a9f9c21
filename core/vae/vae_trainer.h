#pragma once
// Trains a VAE, DVAE, IWAE or DIWAE on binarised images (docs/references.md §3)
// and estimates test log-likelihood, the same way for every model. Pixels in
// [0, 1] are read as probabilities: the training set is binarised once with a
// fixed seed (Binarize::Fixed, the paper's protocol) or each batch afresh
// (Binarize::Resample, the paper's augmentation baseline); test images once
// with a fixed seed. Knows nothing about threads or screens.
#include "core/training/step_result.h"
#include "core/vae/vae_config.h"
#include "core/vae/vae_model.h"
#include "core/training/guarded_training.h"

#include <ATen/core/Generator.h>
#include <torch/optim/adam.h>

#include <functional>
#include <memory>
#include <string>

namespace aelab {

// What a VAE model file says about itself (vae_model_file.cpp): its settings,
// the data it was trained on and how far.
struct VaeModelInfo {
    VaeConfig config;
    std::string dataset; // the image source, "mnist"
    int64_t channels = 0, height = 0, width = 0;
    int64_t trainingImages = 0; // the set it trained on
    long long step = 0;
    bool hasMoments = false; // Adam's moments are in the file
};

class VaeTrainer {
  public:
    VaeTrainer(torch::Tensor train, const VaeConfig& config);

    // n Adam steps on the negative bound: the denoising models encode a
    // corrupted copy and score the clean image; the importance-weighted ones
    // use k samples. meanLoss is the negative bound in nats per image.
    // A non-finite loss restores the last good weights.
    StepResult train(int n);
    long long step() const { return step_; }
    double epochs() const; // training images seen / training set size
    int64_t trainingImages() const { return train_.size(0); }

    // Mean bound on clean binarised images (k = 1: the ELBO), fixed seed.
    double evaluateBound(const torch::Tensor& images, int k = 1, int64_t maxImages = 1000);
    // The same on (up to maxImages, evenly spread) training images as the
    // model trains on them: the fixed binary set, or one fixed draw.
    double evaluateTrainBound(int k = 1, int64_t maxImages = 1000);
    // Mean -log p(x) in nats by importance sampling with K samples from
    // q(z|x) (clean input), `chunk` at a time. progress(done, total) after
    // each image block, if given.
    double estimateNll(const torch::Tensor& images, int K, int64_t maxImages = -1,
                       const std::function<void(int64_t, int64_t)>& progress = {});
    // The same with the denoising models' own proposal, the mixture
    // q̃(z|x) = (1/M) Σₘ q(z|x̃ₘ) over M corrupted copies x̃ₘ ~ p(x̃|x)
    // (docs/references.md §3): a looser proposal than q(z|x) for a DVAE
    // cannot then pass for a worse model.
    double estimateNllMixture(const torch::Tensor& images, int K, int M, int64_t maxImages = -1);
    double learningRateNow() const { return lrNow_; }

    // Decoder means: from the prior, of images (optionally corrupted first).
    torch::Tensor sample(int64_t n, std::uint64_t seed);
    torch::Tensor reconstruct(const torch::Tensor& images, bool fromCorrupted, std::uint64_t seed);
    torch::Tensor encodeMean(const torch::Tensor& images);
    // images through the configured corruption, drawn from seed: what
    // reconstruct(images, true, seed) encodes.
    torch::Tensor corrupted(const torch::Tensor& images, std::uint64_t seed) const;
    torch::Tensor binarize(const torch::Tensor& images, std::uint64_t seed) const;

    void setLive(const CorruptionSpec& noise, double learningRate);
    const VaeConfig& config() const { return config_; }
    BernoulliVae& model() { return model_; }

    // The trained state (weights, Adam, step, batch generator) in memory, for
    // sessions; loadState needs a trainer built with the same settings on
    // images of the same size, else throws ModelFileError and changes nothing.
    std::string saveState();
    void loadState(const std::string& bytes);

    // A model file: settings, data, step, weights and (withMoments) Adam's
    // moments; training on from a file without them starts Adam afresh.
    // Errors are ModelFileError naming the file.
    void saveModel(const std::string& path, const std::string& dataset, bool withMoments);
    static VaeModelInfo readModelInfo(const std::string& path);
    // train: the images it trained on (its class-balanced subset, if any).
    static std::unique_ptr<VaeTrainer> loadModel(const std::string& path, torch::Tensor train);

  private:
    std::string signature() const;
    torch::Tensor logWeights(const torch::Tensor& clean, const torch::Tensor& input, int k,
                             at::Generator& gen);
    torch::Tensor negativeBound(const torch::Tensor& clean, const torch::Tensor& input);
    using LogWeightsDraw = std::function<torch::Tensor(int)>;
    double meanNll(const torch::Tensor& images, int K, int64_t maxImages, int64_t block,
                   const std::function<LogWeightsDraw(const torch::Tensor&)>& logWeightsFor,
                   const std::function<void(int64_t, int64_t)>& progress = {});
    void followSchedule();
    void saveGood() { guard_.keep(step_); }
    void freshOptimiser();

    torch::Tensor train_;
    torch::Tensor trainBinary_; // Binarize::Fixed: the training set, binarised once
    double lrNow_ = 0;
    VaeConfig config_;
    BernoulliVae model_{nullptr};
    std::unique_ptr<torch::optim::Adam> optimiser_;
    at::Generator gen_;
    long long step_ = 0;
    GuardedTraining guard_{[this] { return model_->parameters(); }, [this] { freshOptimiser(); }};
};

} // namespace aelab
