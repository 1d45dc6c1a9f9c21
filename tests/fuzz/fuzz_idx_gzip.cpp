// libFuzzer target: IDX files inside valid gzip streams. The input is the
// uncompressed file, which the target compresses, so every input reaches the
// header-bounded inflate and the IDX parser (fuzz_idx's gzip inputs mostly
// fail the stream's own checks first). Any input must end in a tensor or a
// DatasetError.
#include "tests/fuzz/fuzz_idx_read.h"
#include "tests/fuzz/fuzz_input_file.h"

#include <zlib.h>

#include <string>
#include <vector>

using namespace aelab;

namespace {
std::string gzip(const std::uint8_t* data, std::size_t size) {
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY); // 16: gzip wrapper
    std::vector<Bytef> out(deflateBound(&z, uLong(size)) + 32);
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = uInt(size);
    z.next_out = out.data();
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    const std::string gz(reinterpret_cast<const char*>(out.data()), z.total_out);
    deflateEnd(&z);
    return gz;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string gz = gzip(data, size);
    const std::string path =
        fuzzInputFile(reinterpret_cast<const std::uint8_t*>(gz.data()), gz.size(), ".gz");
    readIdxBothWays(path);
    return 0;
}
