#pragma once
// Checks every entry of a zip archive (the container of Torch's model files)
// against the CRC-32 its central directory records, before Torch parses it.
// LibTorch 1.13 does not check them, and a model file damaged in a single
// byte of its TorchScript type text crashed the program inside Torch's
// parser (found by fuzzing). Random damage now fails here, in one line.
#include <cstdint>
#include <string>
#include <vector>

namespace aelab {

struct ZipEntry {
    std::string name;
    std::uint64_t start = 0, size = 0; // where its bytes begin in the archive; stored size
    std::uint64_t uncompressedSize = 0;
    std::uint32_t method = 0, crc = 0; // 0: stored without compression
};

// The entries the central directory lists, with their data located through
// their local headers; empty with *why set when the structure is broken.
std::vector<ZipEntry> zipEntries(const std::string& archive, std::string* why);

// Empty when the archive (a whole file's bytes) is whole; otherwise why not
// (the entry that fails, or what of the zip structure is broken). Entries
// stored without compression (as Torch writes them) are checked byte for
// byte; compressed entries are left to the reader.
// With entries given, they receive the archive's entries (zipEntries), so
// a caller that reads on parses the directory once.
std::string zipDamage(const std::string& archive, std::vector<ZipEntry>* entries = nullptr);

} // namespace aelab
