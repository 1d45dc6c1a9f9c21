#pragma once
// One name for each image source, the same in the GUI, the command line and
// lessons: "mnist", "fashion-mnist", "lines", or "folder:PATH".
#include "datasets/image_folder.h"

#include <string>
#include <vector>

namespace aelab {

struct ImageSourceOptions {
    ImageFolderOptions folder;  // size and channels for folders of the user's images
    int64_t linesTrain = 10000; // lines generated for training
    int64_t linesTest = 1000;   // and for testing
    std::uint64_t linesSeed = 1;
};

// The names the GUI offers (folders are chosen with a dialog).
std::vector<std::string> builtInImageSources();
bool isImageSourceName(const std::string& spec);

// Throws DatasetError with a message that says what to do (a missing MNIST
// cache points at the setup script).
ImageSet loadImageSource(const std::string& spec, const ImageSourceOptions& options = {});

} // namespace aelab
