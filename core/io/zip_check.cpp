#include "core/io/zip_check.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>

namespace aelab {

namespace {
struct Bytes {
    const std::string& b;
    bool has(std::uint64_t at, std::uint64_t n) const {
        return at <= b.size() && n <= b.size() - at;
    }
    std::uint32_t byte(std::uint64_t at) const { return static_cast<unsigned char>(b[at]); }
    std::uint32_t u16(std::uint64_t at) const { return byte(at) | byte(at + 1) << 8; }
    std::uint32_t u32(std::uint64_t at) const { return u16(at) | u16(at + 2) << 16; }
    std::uint64_t u64(std::uint64_t at) const { return u32(at) | std::uint64_t(u32(at + 4)) << 32; }
};

constexpr std::uint32_t kEndOfDirectory = 0x06054b50, kZip64End = 0x06064b50,
                        kZip64Locator = 0x07064b50, kDirectoryEntry = 0x02014b50,
                        kLocalHeader = 0x04034b50;

// Where the central directory starts and how many entries it has.
bool findDirectory(const Bytes& z, std::uint64_t& offset, std::uint64_t& entries) {
    const std::uint64_t n = z.b.size();
    if (n < 22) return false;
    std::uint64_t end = n - 22;
    const std::uint64_t lowest = n > 22 + 65535 ? n - 22 - 65535 : 0; // comment up to 64 KB
    while (z.u32(end) != kEndOfDirectory) {
        if (end == lowest) return false;
        --end;
    }
    entries = z.u16(end + 10);
    offset = z.u32(end + 16);
    if (offset != 0xFFFFFFFF && entries != 0xFFFF) return true;
    // Zip64: the locator sits just before the classic record.
    if (end < 20 || z.u32(end - 20) != kZip64Locator) return false;
    const std::uint64_t rec = z.u64(end - 20 + 8);
    if (!z.has(rec, 56) || z.u32(rec) != kZip64End) return false;
    entries = z.u64(rec + 32);
    offset = z.u64(rec + 48);
    return true;
}
} // namespace

std::string zipDamage(const std::string& data) {
    const Bytes z{data};
    std::uint64_t at = 0, entries = 0;
    if (!findDirectory(z, at, entries)) return "not a zip archive (no central directory)";
    for (std::uint64_t i = 0; i < entries; ++i) {
        if (!z.has(at, 46) || z.u32(at) != kDirectoryEntry) return "the zip directory is damaged";
        const std::uint32_t method = z.u16(at + 10), crc = z.u32(at + 16);
        std::uint64_t size = z.u32(at + 20), local = z.u32(at + 42);
        const std::uint32_t nameLen = z.u16(at + 28), extraLen = z.u16(at + 30),
                            commentLen = z.u16(at + 32);
        if (!z.has(at + 46, std::uint64_t(nameLen) + extraLen + commentLen))
            return "the zip directory is damaged";
        const std::string name(data.begin() + long(at + 46),
                               data.begin() + long(at + 46 + nameLen));
        // Zip64 sizes and offsets live in extra field 0x0001, in this order.
        const std::uint32_t uncompressed = z.u32(at + 24);
        for (std::uint64_t e = at + 46 + nameLen; e + 4 <= at + 46 + nameLen + extraLen;) {
            const std::uint32_t id = z.u16(e), len = z.u16(e + 2);
            std::uint64_t field = e + 4;
            if (id == 0x0001) {
                if (uncompressed == 0xFFFFFFFF && z.has(field, 8)) field += 8;
                if (size == 0xFFFFFFFF && z.has(field, 8)) size = z.u64(field), field += 8;
                if (local == 0xFFFFFFFF && z.has(field, 8)) local = z.u64(field);
            }
            e += 4 + len;
        }
        at += 46 + std::uint64_t(nameLen) + extraLen + commentLen;
        if (method != 0) continue; // compressed: the reader checks its own stream
        if (!z.has(local, 30) || z.u32(local) != kLocalHeader)
            return name + ": its header is damaged";
        const std::uint64_t start = local + 30 + z.u16(local + 26) + z.u16(local + 28);
        if (!z.has(start, size)) return name + ": cut short (the file is truncated)";
        std::uint64_t sum = crc32(0L, Z_NULL, 0);
        for (std::uint64_t done = 0; done < size;) {
            const uInt chunk = uInt(std::min<std::uint64_t>(size - done, 1u << 30));
            sum = crc32(uLong(sum), reinterpret_cast<const Bytef*>(data.data()) + start + done,
                        chunk);
            done += chunk;
        }
        if (std::uint32_t(sum) != crc) return name + ": fails its checksum (the file is damaged)";
    }
    return {};
}

} // namespace aelab
