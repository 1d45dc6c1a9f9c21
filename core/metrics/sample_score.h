#pragma once
// A score for generated images beside the pictures: novel images, or
// copies and collapse? Distances are root-mean-square pixel differences,
// |a - b| / sqrt(D), so they read in pixel units whatever the image size.
//   nearestTrain: mean over samples of the distance to the nearest training
//     image; near 0 means the samples copy training images.
//   nearestOther: mean over samples of the distance to the nearest other
//     sample; near 0 means the chains collapsed onto a few images.
// The same two numbers for held-out test images are the yardstick: samples
// that look like real data score about what test images score.
#include <torch/types.h>

namespace aelab {

struct SampleScore {
    double nearestTrain = 0;
    double nearestOther = 0;
};

SampleScore scoreSamples(const torch::Tensor& samples, const torch::Tensor& train,
                         int64_t block = 512);

} // namespace aelab
