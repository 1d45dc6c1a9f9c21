#pragma once
// Plain value types of the field lab, shared by core, app and tests. No Torch
// and no Qt here: these cross threads and layers by value.
#include <string>
#include <vector>

#include "datasets/toy2d_spec.h"

namespace aelab {

struct Box2D {
    float x0 = -1, x1 = 1, y0 = -1, y1 = 1;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
};

// A regular grid of nx * ny cell centres over box, row-major: index = iy * nx + ix.
struct GridSpec {
    Box2D box;
    int nx = 64, ny = 64;
    int size() const { return nx * ny; }
    float x(int ix) const { return box.x0 + (ix + 0.5f) * box.width() / nx; }
    float y(int iy) const { return box.y0 + (iy + 0.5f) * box.height() / ny; }
};

enum class Activation { ReLU, Tanh, Softplus };
enum class LossKind { SquaredError, BinaryCrossEntropy };
// SingleSigma: r(x) trained at the one sigma of the config. NoiseConditional:
// r(x, sigma) trained over [sigmaMin, sigmaMax] (docs/references.md §5); the
// config's sigma then only chooses the level that is shown.
enum class FieldModelKind { SingleSigma, NoiseConditional };

const char* activationName(Activation a); // "relu", "tanh", "softplus"
bool activationFromName(const std::string& s, Activation& out);
const char* lossName(LossKind l); // "mse", "bce"
bool lossFromName(const std::string& s, LossKind& out);
const char* modelKindName(FieldModelKind k); // "single", "noise-conditional"
bool modelKindFromName(const std::string& s, FieldModelKind& out);

// Everything that defines a field-lab run. Fields marked [net] need a new
// network and apply on reset; the rest apply live.
struct FieldConfig {
    Toy2DSpec data;                                     // live: swaps the training set
    float sigma = 0.1f;                                 // Gaussian corruption std, live
    int width = 128;                                    // [net] hidden units per layer
    int depth = 2;                                      // [net] hidden layers
    Activation activation = Activation::ReLU;           // [net]
    LossKind loss = LossKind::SquaredError;             // [net] BCE adds a sigmoid output
    float learningRate = 1e-3f;                         // Adam, live
    int batchSize = 256;                                // live
    int gridSize = 64;                                  // field grid is gridSize^2
    unsigned long long seed = 1;                        // seeds data, init, batches, noise
    FieldModelKind model = FieldModelKind::SingleSigma; // [net]
    float sigmaMin = 0.01f; // noise-conditional: the range trained on, live
    float sigmaMax = 1.0f;
    int levels = 20; // noise-conditional: the geometric ladder shown and sampled
    bool conditional() const { return model == FieldModelKind::NoiseConditional; }
};

// The field fit score at one noise level.
struct SigmaFit {
    double sigma = 0, r2 = 0;
};

// The learned and ideal fields on a grid, in data coordinates.
struct FieldResult {
    GridSpec grid;
    std::vector<float> dx, dy;           // r(x) - x
    std::vector<float> idealDx, idealDy; // r*(x) - x (docs/references.md §1)
    std::vector<float> logDensity;       // log p_sigma(x)
    double r2 = 0;                       // field fit score, see fieldFitR2()
};

} // namespace aelab
