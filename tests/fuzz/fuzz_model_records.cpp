// libFuzzer target: model archives whose checksums are valid again after the
// fuzzer's damage, so the damage reaches past the CRC check to the tensor
// records and the pickle walker of core/io/tensor_records (reliability.md,
// class 2). Any input must load or end in a ModelFileError.
#include "core/field/field_trainer.h"
#include "core/io/zip_check.h"
#include "core/training/torch_threads.h"

#include <zlib.h>

#include <string>

using namespace aelab;

namespace {
void putU32(std::string& s, std::uint64_t at, std::uint32_t v) {
    for (int i = 0; i < 4 && at + i < s.size(); ++i)
        s[at + i] = char((v >> (8 * i)) & 0xFF);
}

// Every stored entry's CRC-32, in its local header and the central
// directory, made to match its bytes.
void repairChecksums(std::string& zip) {
    std::string why;
    for (const ZipEntry& e : zipEntries(zip, &why)) {
        if (e.method != 0) continue;
        const auto crc = std::uint32_t(
            crc32(0L, reinterpret_cast<const Bytef*>(zip.data()) + e.start, uInt(e.size)));
        std::string old(4, '\0');
        putU32(old, 0, e.crc);
        for (size_t at = zip.find(old); at != std::string::npos; at = zip.find(old, at + 1))
            putU32(zip, at, crc);
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool once = (aelab::setTorchThreads(1), true);
    (void)once;
    std::string zip(reinterpret_cast<const char*>(data), size);
    repairChecksums(zip);
    try {
        aelab::FieldTrainer::loadBytes(zip, "fuzzed.pt");
    } catch (const aelab::ModelFileError&) {
    }
    return 0;
}
