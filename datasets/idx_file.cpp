#include "datasets/idx_file.h"
#include "datasets/dataset_error.h"
#include "core/io/input_file.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace aelab {

namespace {

struct GzCloser {
    void operator()(gzFile_s* f) const { gzclose(f); }
};

// The IDX header says how many bytes follow: inflating stops one byte past
// them (a longer stream is refused as trailing data by parseHeader), so a
// small file that inflates to gigabytes is refused after reading what its
// header allows, at most kMaxIdxBytes.
constexpr std::uint64_t kMaxIdxBytes = std::uint64_t(256) << 20;

std::uint64_t promisedBytes(const std::vector<std::uint8_t>& head) {
    if (head.size() < 4) return 4;
    const int dims = head[3];
    const size_t headerSize = 4 + 4 * size_t(dims);
    if (head.size() < headerSize) return headerSize;
    std::uint64_t total = 1;
    for (int d = 0; d < dims && total <= kMaxIdxBytes; ++d)
        total *= (std::uint64_t(head[4 + 4 * d]) << 24 | std::uint64_t(head[5 + 4 * d]) << 16 |
                  std::uint64_t(head[6 + 4 * d]) << 8 | head[7 + 4 * d]);
    return headerSize + total;
}

std::vector<std::uint8_t> readAll(const std::string& path) {
    if (auto why = checkInputFile(path, kIdxGzLimit)) throw DatasetError(*why);
    std::unique_ptr<gzFile_s, GzCloser> f(gzopen(path.c_str(), "rb"));
    if (!f) throw DatasetError(path + ": cannot open the file");
    std::vector<std::uint8_t> bytes;
    std::uint8_t buf[1 << 16];
    for (;;) {
        const std::uint64_t promised = promisedBytes(bytes);
        if (promised > kMaxIdxBytes + 4 + 4 * 255)
            throw DatasetError(path + ": the IDX header promises " + byteSize(promised) +
                               ", over the " + byteSize(kMaxIdxBytes) + " limit");
        // Never more than one byte past what the header promises.
        const std::uint64_t room = promised + 1 > bytes.size() ? promised + 1 - bytes.size() : 1;
        const unsigned want = unsigned(std::min<std::uint64_t>(sizeof buf, room));
        const int n = gzread(f.get(), buf, want);
        if (n < 0) {
            int code = 0;
            const char* msg = gzerror(f.get(), &code);
            throw DatasetError(path + ": not a readable gzip/IDX file (" + msg + ")");
        }
        if (n == 0) break;
        bytes.insert(bytes.end(), buf, buf + n);
        if (bytes.size() > promisedBytes(bytes) && bytes.size() >= 4) break; // trailing data
    }
    return bytes;
}

std::uint32_t bigEndian32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// Checks the header and returns the dimensions; the values start at 4 + 4 * dims.
std::vector<int64_t> parseHeader(const std::vector<std::uint8_t>& bytes, const std::string& path,
                                 int wantDims) {
    if (bytes.size() < 4)
        throw DatasetError(path + ": too short for an IDX header (empty or truncated file)");
    if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08)
        throw DatasetError(path + ": not an unsigned-byte IDX file (bad magic number)");
    if (bytes[3] != wantDims)
        throw DatasetError(path + ": expected " + std::to_string(wantDims) +
                           " dimensions, the file has " + std::to_string(int(bytes[3])));
    if (bytes.size() < 4 + 4 * size_t(wantDims))
        throw DatasetError(path + ": truncated IDX header");
    std::vector<int64_t> dims;
    uint64_t total = 1;
    for (int d = 0; d < wantDims; ++d) {
        dims.push_back(bigEndian32(&bytes[4 + 4 * size_t(d)]));
        total *= uint64_t(dims.back());
        if (dims.back() == 0 || total > (uint64_t(1) << 34))
            throw DatasetError(path + ": implausible IDX dimensions");
    }
    const size_t need = 4 + 4 * size_t(wantDims) + size_t(total);
    if (bytes.size() < need)
        throw DatasetError(path + ": truncated: the header promises " + std::to_string(total) +
                           " values, the file holds " +
                           std::to_string(bytes.size() - (need - total)));
    if (bytes.size() > need)
        throw DatasetError(path + ": " + std::to_string(bytes.size() - need) +
                           " bytes after the data");
    return dims;
}

} // namespace

torch::Tensor readIdxImages(const std::string& path) {
    const auto bytes = readAll(path);
    const auto dims = parseHeader(bytes, path, 3);
    auto u8 = torch::from_blob(const_cast<std::uint8_t*>(bytes.data() + 16),
                               {dims[0], 1, dims[1], dims[2]}, torch::kUInt8);
    return u8.to(torch::kFloat32).div_(255.0f);
}

torch::Tensor readIdxLabels(const std::string& path) {
    const auto bytes = readAll(path);
    const auto dims = parseHeader(bytes, path, 1);
    return torch::from_blob(const_cast<std::uint8_t*>(bytes.data() + 8), {dims[0]}, torch::kUInt8)
        .to(torch::kInt64);
}

std::string defaultFashionMnistFolder() {
    return "/usr/share/datasets/fashion-mnist";
}

ImageSet loadFashionMnist(const std::string& folder) {
    ImageSet set;
    set.name = "fashion-mnist";
    set.train = readIdxImages(folder + "/train-images-idx3-ubyte.gz");
    set.trainLabels = readIdxLabels(folder + "/train-labels-idx1-ubyte.gz");
    set.test = readIdxImages(folder + "/t10k-images-idx3-ubyte.gz");
    set.testLabels = readIdxLabels(folder + "/t10k-labels-idx1-ubyte.gz");
    if (set.train.size(0) != set.trainLabels.size(0) || set.test.size(0) != set.testLabels.size(0))
        throw DatasetError(folder + ": image and label counts differ");
    set.classNames = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                      "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return set;
}

} // namespace aelab
