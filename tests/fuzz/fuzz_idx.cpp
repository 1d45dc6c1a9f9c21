// libFuzzer target: IDX files (Fashion-MNIST), plain or gzip, as images and
// as labels. Any input must end in a tensor or a DatasetError.
#include "tests/fuzz/fuzz_input_file.h"
#include "tests/fuzz/fuzz_idx_read.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzzInputFile(data, size, ".gz");
    readIdxBothWays(path);
    return 0;
}
