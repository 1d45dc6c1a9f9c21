#pragma once
// Trains an MLP denoising autoencoder on a 2D point set and evaluates its
// reconstruction field next to the ideal one. Knows nothing about threads or
// screens: the GUI worker, the command line and the tests all drive it.
// The interface is Torch-free (pimpl) so app code compiles quickly.
#include "core/field/field_types.h"
#include "core/training/model_file_error.h"
#include "core/training/step_result.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace at {
class Tensor;
}
namespace torch::serialize {
class InputArchive;
}

namespace aelab {

class FieldTrainer {
  public:
    // Builds data and network from config. Throws DatasetError for bad data.
    explicit FieldTrainer(const FieldConfig& config);
    ~FieldTrainer();
    FieldTrainer(const FieldTrainer&) = delete;
    FieldTrainer& operator=(const FieldTrainer&) = delete;

    const FieldConfig& config() const;
    // Applies the live settings (sigma, learning rate, batch, grid, data);
    // [net] settings are stored and take effect at the next reset().
    // Returns true if the training data changed.
    bool applyLive(const FieldConfig& config);
    // Rebuilds data, network and optimiser from config and its seed.
    void reset(const FieldConfig& config);

    // Runs n Adam steps. On a NaN/inf loss it stops, goes back to the last
    // good weights and step count (saved every 50 steps), restarts Adam's
    // moments and reports diverged.
    StepResult train(int n);
    long long step() const;

    // The learned field on the current grid (batched, one forward pass), the
    // cached ideal field and density, and the fit score. The field is that of
    // the Polyak average of the weights (an exponential moving average over
    // about the last 100 steps): the last step's weights jitter with the
    // minibatch noise, their average is the estimate training converges to.
    FieldResult evaluate();
    // r(x) (averaged weights) for points x0,y0,x1,y1,... in data coordinates.
    std::vector<float> reconstruct(const std::vector<float>& xy);

    // The same on an [N, 2] tensor (see field_denoiser.h).
    at::Tensor reconstructTensor(const at::Tensor& x);
    // r(x, sigma) of a noise-conditional model; a single-sigma model has one
    // r and returns it whatever sigma is.
    at::Tensor reconstructTensorAt(const at::Tensor& x, double sigma);

    // The fit score at each level of the noise-conditional model's ladder
    // (config levels, sigmaMax down to sigmaMin), against the exact ideal
    // field at that level (cached until data, grid or ladder change). One
    // forward pass of the grid per level. Empty for a single-sigma model.
    std::vector<SigmaFit> fitBySigma();

    // A checkpoint: settings, step, training set, weights, their average
    // and Adam's state, in a Torch archive (field_checkpoint.cpp).
    void save(const std::string& path) const;
    // Reads a file save() wrote. Training data come from the file as a
    // painted set, so a model whose CSV has moved still loads. Throws
    // ModelFileError for a missing, corrupt or foreign file.
    static std::unique_ptr<FieldTrainer> load(const std::string& path);
    // The same archive in memory: sessions and the training timeline keep
    // models this way. name is what errors call the model.
    std::string saveBytes() const;
    static std::unique_ptr<FieldTrainer> loadBytes(const std::string& bytes,
                                                   const std::string& name);

    GridSpec grid() const;
    std::vector<float> dataXY() const; // the training set, x0,y0,x1,y1,...
    int dataCount() const;

  private:
    static std::unique_ptr<FieldTrainer> fromArchive(torch::serialize::InputArchive& archive,
                                                     const std::string& name);
    struct Impl;
    std::unique_ptr<Impl> d;
};

// The plot box for a point set: a square around its bounding box, 1.5 times
// its larger side, so the field shows how points off the data flow back. It
// does not depend on sigma, so the BCE model's unit square stays put when
// sigma changes live.
Box2D fieldBox(const std::vector<float>& xy);

} // namespace aelab
