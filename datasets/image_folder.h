#pragma once
// A folder of the user's own images, read with OpenCV (PNG, JPEG, BMP, TIFF,
// WebP, ...): each is converted to the lab's channel count and resized to its
// size. Files that cannot be decoded are listed in ImageSet::skipped with the
// reason; the rest load.
#include "datasets/image_set.h"

#include <string>

namespace aelab {

struct ImageFolderOptions {
    int width = 28;
    int height = 28;
    int channels = 1;  // 1 = grey, 3 = RGB
    int testEvery = 5; // every 5th image (sorted by name) is a test image
};

// Throws DatasetError when the folder is missing or holds no readable image.
ImageSet loadImageFolder(const std::string& folder, const ImageFolderOptions& options = {});

// One image file as [1, C, H, W] in [0, 1]; throws DatasetError naming the
// file when OpenCV cannot decode it.
torch::Tensor readImageFile(const std::string& path, const ImageFolderOptions& options);

} // namespace aelab
