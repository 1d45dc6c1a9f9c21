#pragma once
// Checks every entry of a zip archive (the container of Torch's model files)
// against the CRC-32 its central directory records, before Torch parses it.
// LibTorch 1.13 does not check them, and a model file damaged in a single
// byte of its TorchScript type text crashed the program inside Torch's
// parser (found by fuzzing). Random damage now fails here, in one line.
#include <string>

namespace aelab {

// Empty when the archive (a whole file's bytes) is whole; otherwise why not
// (the entry that fails, or what of the zip structure is broken). Entries
// stored without compression (as Torch writes them) are checked byte for
// byte; compressed entries are left to the reader.
std::string zipDamage(const std::string& archive);

} // namespace aelab
