#include "core/io/zip_check.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <utility>

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

std::vector<ZipEntry> zipEntries(const std::string& data, std::string* why) {
    const Bytes z{data};
    std::uint64_t at = 0, entries = 0;
    std::vector<ZipEntry> out;
    auto fail = [&](const std::string& text) {
        *why = text;
        return std::vector<ZipEntry>();
    };
    if (!findDirectory(z, at, entries)) return fail("not a zip archive (no central directory)");
    for (std::uint64_t i = 0; i < entries; ++i) {
        if (!z.has(at, 46) || z.u32(at) != kDirectoryEntry)
            return fail("the zip directory is damaged");
        ZipEntry e;
        e.method = z.u16(at + 10), e.crc = z.u32(at + 16);
        e.size = z.u32(at + 20), e.uncompressedSize = z.u32(at + 24);
        std::uint64_t local = z.u32(at + 42);
        const std::uint32_t nameLen = z.u16(at + 28), extraLen = z.u16(at + 30),
                            commentLen = z.u16(at + 32);
        if (!z.has(at + 46, std::uint64_t(nameLen) + extraLen + commentLen))
            return fail("the zip directory is damaged");
        e.name.assign(data.begin() + long(at + 46), data.begin() + long(at + 46 + nameLen));
        // Zip64 sizes and offsets live in extra field 0x0001, in this order.
        const bool bigUncompressed = e.uncompressedSize == 0xFFFFFFFF;
        for (std::uint64_t x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen;) {
            const std::uint32_t id = z.u16(x), len = z.u16(x + 2);
            std::uint64_t field = x + 4;
            if (id == 0x0001) {
                if (bigUncompressed && z.has(field, 8))
                    e.uncompressedSize = z.u64(field), field += 8;
                if (e.size == 0xFFFFFFFF && z.has(field, 8)) e.size = z.u64(field), field += 8;
                if (local == 0xFFFFFFFF && z.has(field, 8)) local = z.u64(field);
            }
            x += 4 + len;
        }
        at += 46 + std::uint64_t(nameLen) + extraLen + commentLen;
        if (!z.has(local, 30) || z.u32(local) != kLocalHeader)
            return fail(e.name + ": its header is damaged");
        e.start = local + 30 + z.u16(local + 26) + z.u16(local + 28);
        if (!z.has(e.start, e.size)) return fail(e.name + ": cut short (the file is truncated)");
        out.push_back(std::move(e));
    }
    return out;
}

std::string zipDamage(const std::string& data, std::vector<ZipEntry>* listed) {
    std::string why;
    std::vector<ZipEntry> entries = zipEntries(data, &why);
    if (!why.empty()) return why;
    for (const ZipEntry& e : entries) {
        if (e.method != 0) continue; // compressed: the reader checks its own stream
        if (e.uncompressedSize != e.size)
            return e.name + ": its sizes disagree (the file is damaged)";
        std::uint64_t sum = crc32(0L, Z_NULL, 0);
        for (std::uint64_t done = 0; done < e.size;) {
            const uInt chunk = uInt(std::min<std::uint64_t>(e.size - done, 1u << 30));
            sum = crc32(uLong(sum), reinterpret_cast<const Bytef*>(data.data()) + e.start + done,
                        chunk);
            done += chunk;
        }
        if (std::uint32_t(sum) != e.crc)
            return e.name + ": fails its checksum (the file is damaged)";
    }
    if (listed) *listed = std::move(entries);
    return {};
}

} // namespace aelab
