// libFuzzer target: a user's image file through OpenCV's decoders and our
// conversion (grey 28 x 28, and colour 32 x 32), as image folders load them.
#include "datasets/dataset_error.h"
#include "tests/fuzz/fuzz_input_file.h"
#include "datasets/image_folder.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzzInputFile(data, size, ".png");
    for (int channels : {1, 3}) {
        aelab::ImageFolderOptions o;
        o.channels = channels;
        o.width = o.height = channels == 1 ? 28 : 32;
        try {
            aelab::readImageFile(path, o);
        } catch (const aelab::DatasetError&) {
        }
    }
    return 0;
}
