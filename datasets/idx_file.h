#pragma once
// IDX files (the MNIST family's format; Fashion-MNIST in Debian's
// dataset-fashion-mnist ships them gzipped): big-endian magic 0x0000 + type
// byte 0x08 (unsigned byte) + dimension count, then each dimension as a
// 32-bit big-endian count, then the values. Read through zlib's gzread, which
// reads gzipped and plain files alike and reports truncated streams.
#include "datasets/image_set.h"

#include <string>

namespace aelab {

// Images [N, 1, rows, cols] in [0, 1] from an idx3-ubyte file; labels [N]
// int64 from an idx1-ubyte file. Throws DatasetError naming the file on a
// missing, truncated or malformed file.
torch::Tensor readIdxImages(const std::string& path);
torch::Tensor readIdxLabels(const std::string& path);

// Fashion-MNIST from a folder holding train-images-idx3-ubyte.gz,
// train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and
// t10k-labels-idx1-ubyte.gz (Debian: /usr/share/datasets/fashion-mnist).
ImageSet loadFashionMnist(const std::string& folder);
std::string defaultFashionMnistFolder();

} // namespace aelab
