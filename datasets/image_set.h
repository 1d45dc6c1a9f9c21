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
void splitEvery(const torch::Tensor& images, const torch::Tensor& labels, int testEvery,
                ImageSet& out);

} // namespace aelab
