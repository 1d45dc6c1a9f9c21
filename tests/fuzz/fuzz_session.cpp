// libFuzzer target: session files (app/documents/session_file.h), parsed
// from memory as the app parses the bytes it reads. The checksum stops most
// mutations at the header, so each input is also tried as a payload with a
// valid header and checksum, and as CBOR behind them, compressed: the
// mutations then reach the decompressor and the CBOR reader too.
#include "app/documents/session_file.h"

#include <QtEndian>
#include <cstddef>
#include <cstdint>
#include <zlib.h>

using namespace aelab;

namespace {

QByteArray withHeader(const QByteArray& payload) {
    QByteArray out("AELABSES", 8);
    out.resize(16);
    qToBigEndian<quint32>(kSessionVersion, out.data() + 8);
    const auto crc =
        quint32(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(payload.constData()),
                      uInt(payload.size())));
    qToBigEndian<quint32>(crc, out.data() + 12);
    return out + payload;
}

void decode(const QByteArray& bytes) {
    Session session;
    QString error;
    decodeSession(bytes, &session, &error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    decode(input);
    decode(withHeader(input));
    decode(withHeader(qCompress(input)));
    return 0;
}
