#include "core/io/input_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace aelab {

namespace fs = std::filesystem;

std::string byteSize(std::uintmax_t bytes) {
    if (bytes < 10 * 1024) return std::to_string(bytes) + " bytes";
    const double mb = double(bytes) / (1 << 20);
    if (mb < 1024) return std::to_string(std::uintmax_t(mb + 0.5)) + " MB";
    const auto tenths = std::uintmax_t(mb / 1024 * 10 + 0.5);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " GB";
}

std::optional<std::string> checkInputFile(const std::string& path, const FileLimit& limit) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec); // follows links
    if (ec) {
        if (ec == std::errc::too_many_symbolic_link_levels)
            return path + ": a loop of symbolic links";
        return path + ": " +
               (ec == std::errc::no_such_file_or_directory ? std::string("no such file")
                                                           : ec.message());
    }
    switch (status.type()) {
    case fs::file_type::regular:
        break;
    case fs::file_type::directory:
        return path + ": is a folder, expected " + limit.kind;
    case fs::file_type::fifo:
        return path + ": is a pipe (FIFO), expected " + limit.kind;
    case fs::file_type::character:
    case fs::file_type::block:
        return path + ": is a device, expected " + limit.kind;
    default:
        return path + ": is not a regular file, expected " + limit.kind;
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return path + ": " + ec.message();
    if (size > limit.bytes)
        return path + ": " + byteSize(size) + " is over the " + byteSize(limit.bytes) +
               " limit for " + limit.kind;
    return std::nullopt;
}

std::optional<std::string> readInputFile(const std::string& path, const FileLimit& limit,
                                         std::string& bytes) {
    if (auto why = checkInputFile(path, limit)) return why;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!f) return path + ": cannot open the file (" + std::strerror(errno) + ")";
    bytes.clear();
    char buffer[1 << 16];
    while (true) {
        const size_t n = std::fread(buffer, 1, sizeof buffer, f.get());
        bytes.append(buffer, n);
        // A file that grows while it is read stops at the limit, too.
        if (bytes.size() > limit.bytes)
            return path + ": grew over the " + byteSize(limit.bytes) + " limit for " + limit.kind +
                   " while being read";
        if (n < sizeof buffer) break;
    }
    if (std::ferror(f.get())) return path + ": read error (" + std::strerror(errno) + ")";
    return std::nullopt;
}

} // namespace aelab
