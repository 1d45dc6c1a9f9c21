// libFuzzer target: IDX files (Fashion-MNIST), plain or gzip, as images and
// as labels. Any input must end in a tensor or a DatasetError.
#include "datasets/dataset_error.h"
#include "tests/fuzz/fuzz_input_file.h"
#include "datasets/idx_file.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzzInputFile(data, size, ".gz");
    try {
        aelab::readIdxImages(path);
    } catch (const aelab::DatasetError&) {
    }
    try {
        aelab::readIdxLabels(path);
    } catch (const aelab::DatasetError&) {
    }
    return 0;
}
