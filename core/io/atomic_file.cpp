#include "core/io/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace aelab {

namespace fs = std::filesystem;

std::string temporaryPathFor(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    const fs::path target(path);
    const std::string name = "." + target.stem().string() + ".part-" + std::to_string(::getpid()) +
                             "-" + std::to_string(counter++) + target.extension().string();
    return (target.parent_path() / name).string();
}

namespace {
void removeQuietly(const std::string& path) {
    std::error_code ignored;
    fs::remove(path, ignored);
}

// Renames temp over path; on failure removes temp and says why.
bool commit(const std::string& temp, const std::string& path, std::string* error) {
    std::error_code ec;
    if (!fs::exists(temp, ec) || fs::file_size(temp, ec) == 0 || ec) {
        removeQuietly(temp);
        if (error) *error = "cannot write " + path + ": nothing was written";
        return false;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        removeQuietly(temp);
        if (error) *error = "cannot write " + path + ": " + std::strerror(saved);
        return false;
    }
    return true;
}
} // namespace

void writeAtomically(const std::string& path,
                     const std::function<void(const std::string&)>& write) {
    const std::string temp = temporaryPathFor(path);
    try {
        write(temp);
    } catch (...) {
        removeQuietly(temp);
        throw;
    }
    std::string error;
    if (!commit(temp, path, &error)) throw std::runtime_error(error);
}

void writeBytesAtomically(const std::string& path, const std::string& bytes) {
    writeAtomically(path, [&](const std::string& temp) {
        std::FILE* f = std::fopen(temp.c_str(), "wb");
        if (!f) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() &&
                        std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
        const int saved = errno;
        if (std::fclose(f) != 0 || !ok)
            throw std::runtime_error("cannot write " + path + ": " +
                                     std::strerror(ok ? errno : saved));
    });
}

bool tryWriteAtomically(const std::string& path,
                        const std::function<bool(const std::string&)>& write, std::string* error) {
    const std::string temp = temporaryPathFor(path);
    bool ok = false;
    try {
        ok = write(temp);
    } catch (const std::exception& e) {
        if (error) *error = "cannot write " + path + ": " + e.what();
    }
    if (!ok) {
        removeQuietly(temp);
        if (error && error->empty()) *error = "cannot write " + path;
        return false;
    }
    return commit(temp, path, error);
}

} // namespace aelab
