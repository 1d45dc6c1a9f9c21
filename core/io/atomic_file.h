#pragma once
// Saving without risk to what is already there: the writer fills a temporary
// file beside the target, which is renamed over the target only once it is
// complete (rename within a folder is atomic on POSIX). A crash, a full disk
// or an error mid-write leaves the previous file as it was, and no temporary
// is left behind. No Torch and no Qt: models, exports and sessions use it.
#include <functional>
#include <string>

namespace aelab {

// Calls write(temporaryPath); when it returns, renames the temporary to path.
// If write throws, or wrote nothing, or the rename fails, the temporary is
// removed and std::runtime_error says why (naming path).
void writeAtomically(const std::string& path,
                     const std::function<void(const std::string& temporaryPath)>& write);

// The same for writers that report failure by returning false. On failure
// returns false and, if error is given, says why.
bool tryWriteAtomically(const std::string& path,
                        const std::function<bool(const std::string& temporaryPath)>& write,
                        std::string* error = nullptr);

// Writes bytes to path atomically, flushed to the disk before the rename.
// Torch's own file writer throws from a destructor when the disk fills (which
// ends the program), so archives are serialised to memory and written here.
void writeBytesAtomically(const std::string& path, const std::string& bytes);

// The temporary's name for path: the same folder and extension, hidden and
// unique to this process and call.
std::string temporaryPathFor(const std::string& path);

} // namespace aelab
