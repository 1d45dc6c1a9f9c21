#pragma once
// An image dataset as the labs use it: train and test images as
// [N, C, H, W] float tensors in [0, 1] (ARCHITECTURE.md), with labels where
// the source has them (-1 where it does not) and a name for each class.
#include <torch/types.h>

#include <string>
#include <vector>

namespace aelab {

struct ImageSet {
    std::string name;
    torch::Tensor train;       // [N, C, H, W] float32 in [0, 1]
    torch::Tensor test;        // [M, C, H, W]
    torch::Tensor trainLabels; // [N] int64, -1 = none
    torch::Tensor testLabels;  // [M]
    std::vector<std::string> classNames;
    // Files that could not be read (image folders): "file: reason", one each.
    std::vector<std::string> skipped;

    int64_t channels() const { return train.size(1); }
    int64_t height() const { return train.size(2); }
    int64_t width() const { return train.size(3); }
};

// Deterministic split of one tensor of images into train and test: every
// `testEvery`-th image (counting from 0) goes to test.
// min(count, N) images evenly spaced through `images` (0, N/n, 2N/n, ...):
// the previews and yardsticks show every class of a set sorted by class.
torch::Tensor evenlySpaced(const torch::Tensor& images, int64_t count);
// `count` images (repeating when count > N), stepping through `images` by a
// large prime so consecutive picks land in different classes.
torch::Tensor spreadPicks(const torch::Tensor& images, int64_t count);

// The set with only `count` training images, as many of each class as can
// be (the first of each, in order: deterministic); without labels, evenly
// spaced ones. The test split is kept. The DVAE comparison's small-data
// regime (docs/dvae-lab.md).
ImageSet withTrainingImages(const ImageSet& set, int64_t count);

void splitEvery(const torch::Tensor& images, const torch::Tensor& labels, int testEvery,
                ImageSet& out);

} // namespace aelab
