#include "app/documents/session_file.h"
#include "core/io/atomic_file.h"
#include "app/documents/document_io.h"

#include <QCborMap>
#include <QCborValue>
#include <QFile>
#include <QtEndian>
#include <zlib.h>

namespace aelab {

namespace {

constexpr char kMagic[8] = {'A', 'E', 'L', 'A', 'B', 'S', 'E', 'S'};
constexpr int kHeader = 16;
// A session's models are kilobytes to tens of megabytes; far above that the
// file is not ours, and unpacking it could exhaust memory.
constexpr qsizetype kMaxUnpacked = qsizetype(256) << 20;

quint32 crcOf(const char* data, qsizetype size) {
    return quint32(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(data), uInt(size)));
}

// Inflates qCompress's format (a 4-byte size, then a zlib stream) as the data
// comes: the stated size is not trusted (qUncompress would allocate it up
// front, and a 16-byte file could ask for gigabytes). False for a damaged
// stream, one that does not end, or more than kMaxUnpacked bytes.
bool inflatePayload(const char* data, qsizetype size, QByteArray* out) {
    if (size < 4) return false;
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return false;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data + 4));
    z.avail_in = uInt(size - 4);
    QByteArray result;
    int status = Z_OK;
    while (status == Z_OK) {
        const qsizetype done = result.size();
        if (done >= kMaxUnpacked) break;
        result.resize(done + 65536);
        z.next_out = reinterpret_cast<Bytef*>(result.data() + done);
        z.avail_out = 65536;
        status = inflate(&z, Z_NO_FLUSH);
        result.resize(done + 65536 - qsizetype(z.avail_out));
        if (status == Z_BUF_ERROR && z.avail_in == 0) break; // input ended early
    }
    inflateEnd(&z);
    if (status != Z_STREAM_END) return false;
    *out = std::move(result);
    return true;
}

} // namespace

using documents::fail;

QByteArray encodeSession(const Session& s) {
    QCborMap models;
    for (auto it = s.models.begin(); it != s.models.end(); ++it)
        models.insert(it.key(), QCborValue(it.value()));
    QCborMap map;
    map.insert(QStringLiteral("app"), s.appVersion);
    map.insert(QStringLiteral("lab"), s.lab);
    map.insert(QStringLiteral("setups"), QCborValue::fromJsonValue(s.setups));
    map.insert(QStringLiteral("models"), models);
    map.insert(QStringLiteral("charts"), QCborValue::fromJsonValue(s.charts));
    const QByteArray payload = qCompress(map.toCborValue().toCbor(), 6);

    QByteArray out(kHeader, '\0');
    memcpy(out.data(), kMagic, sizeof kMagic);
    qToBigEndian<quint32>(kSessionVersion, out.data() + 8);
    qToBigEndian<quint32>(crcOf(payload.constData(), payload.size()), out.data() + 12);
    return out + payload;
}

bool decodeSession(const QByteArray& bytes, Session* out, QString* error) {
    if (bytes.size() < kHeader || memcmp(bytes.constData(), kMagic, sizeof kMagic) != 0)
        return fail(error, QObject::tr("this is not an Autoencoder Lab session file"));
    const quint32 version = qFromBigEndian<quint32>(bytes.constData() + 8);
    if (version > quint32(kSessionVersion))
        return fail(error, QObject::tr("the session was saved by a newer version of Autoencoder "
                                       "Lab (session format %1; this version reads format %2)")
                               .arg(version)
                               .arg(kSessionVersion));
    if (version < 1)
        return fail(error, QObject::tr("the session format %1 is older than any this version "
                                       "reads (format %2)")
                               .arg(version)
                               .arg(kSessionVersion));
    const char* payload = bytes.constData() + kHeader;
    const qsizetype size = bytes.size() - kHeader;
    if (crcOf(payload, size) != qFromBigEndian<quint32>(bytes.constData() + 12))
        return fail(error, QObject::tr("the session file is damaged or incomplete (its checksum "
                                       "does not match its contents)"));
    QByteArray cbor;
    if (!inflatePayload(payload, size, &cbor))
        return fail(error, QObject::tr("the session file is damaged: its contents do not unpack"));
    QCborParserError parseError;
    const QCborValue root = QCborValue::fromCbor(cbor, &parseError);
    if (parseError.error != QCborError::NoError || !root.isMap())
        return fail(error, QObject::tr("the session file is damaged: its contents cannot be read"));
    const QCborMap map = root.toMap();
    Session s;
    s.appVersion = map.value(QStringLiteral("app")).toString();
    s.lab = map.value(QStringLiteral("lab")).toString();
    const QCborValue setups = map.value(QStringLiteral("setups"));
    const QCborValue models = map.value(QStringLiteral("models"));
    const QCborValue charts = map.value(QStringLiteral("charts"));
    if (!setups.isMap() || !models.isMap() || !(charts.isMap() || charts.isUndefined()))
        return fail(error, QObject::tr("the session file is damaged: a part is missing"));
    s.setups = setups.toMap().toJsonObject();
    s.charts = charts.toMap().toJsonObject();
    for (const auto& [key, value] : models.toMap()) {
        if (!key.isString() || !value.isByteArray())
            return fail(error, QObject::tr("the session file is damaged: a model is unreadable"));
        s.models.insert(key.toString(), value.toByteArray());
    }
    *out = std::move(s);
    return true;
}

bool saveSessionFile(const QString& path, const Session& session, QString* error) {
    try {
        aelab::writeBytesAtomically(path.toStdString(), encodeSession(session).toStdString());
        return true;
    } catch (const std::exception& e) {
        return fail(error, QString::fromStdString(e.what()));
    }
}

bool loadSessionFile(const QString& path, Session* out, QString* error) {
    return documents::readDocument(
        path,
        [out](const QByteArray& bytes, QString* why) { return decodeSession(bytes, out, why); },
        error, kSessionLimit);
}

} // namespace aelab
