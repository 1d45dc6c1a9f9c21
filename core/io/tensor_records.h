#pragma once
// Checks, before Torch reads a model archive, that every tensor's record in
// it holds the bytes the tensor's storage says it has. LibTorch 1.13 takes
// the storage's size from data.pkl and reads that much from the record
// whatever the record's length: an archive whose record was cut short, with
// checksums made valid, was read past its end (heap over-read; the run
// printed points like 1.75e25). Neither Torch nor Qt.
#include "core/io/zip_check.h"

#include <string>
#include <vector>

namespace aelab {

// Empty when every storage named in the archive's data.pkl and constants.pkl
// has a record of at least numel x element size bytes, and every record is
// named by one; otherwise why not. The pickles are walked opcode by opcode,
// with the stack and memo Torch's unpickler keeps, so a storage is seen as
// Torch will see it; an opcode Torch's own writer never emits is refused.
std::string tensorRecordDamage(const std::string& archive, const std::vector<ZipEntry>& entries);

} // namespace aelab
