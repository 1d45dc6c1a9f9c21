#pragma once
// Every file the app reads goes through here first (reliability.md, class 1).
// Below datasets and core alike: plain C++, no Torch, no Qt. A file must be a regular file (not a
// FIFO, which would block forever, nor a device such as /dev/zero, nor a directory) and no larger
// than a limit stated per kind of input, and the read stops at that limit even if the file grows
// meanwhile. Errors are one sentence naming the file.
#include <cstdint>
#include <optional>
#include <string>

namespace aelab {

struct FileLimit {
    std::uintmax_t bytes;
    const char* kind; // "a points CSV", said in the message
};

inline constexpr FileLimit kPointsCsvLimit{std::uintmax_t(256) << 20, "a points CSV"};
inline constexpr FileLimit kMnistJsonLimit{std::uintmax_t(64) << 20, "an MNIST digits file"};
inline constexpr FileLimit kIdxGzLimit{std::uintmax_t(64) << 20, "a gzip IDX file"};
inline constexpr FileLimit kModelLimit{std::uintmax_t(512) << 20, "a model file"};
inline constexpr FileLimit kSessionLimit{std::uintmax_t(1) << 30, "a session file"};
inline constexpr FileLimit kLessonLimit{std::uintmax_t(1) << 20, "a lesson file"};
inline constexpr FileLimit kImageLimit{std::uintmax_t(64) << 20, "an image"};

// Nothing if path is a regular file within the limit, else why not.
std::optional<std::string> checkInputFile(const std::string& path, const FileLimit& limit);
// Reads the whole file into bytes after that check: nothing, or why not.
std::optional<std::string> readInputFile(const std::string& path, const FileLimit& limit,
                                         std::string& bytes);
// "3.2 GB", "512 MB", "870 bytes".
std::string byteSize(std::uintmax_t bytes);

} // namespace aelab
