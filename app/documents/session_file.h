#pragma once
// A session: the lab in front, every lab's controls, the trained models and
// the charts' history, in one file. Qt Core only, so the fuzz
// build can drive the parser without widgets or Torch.
//
// The file: the 8 bytes "AELABSES", the format version and the CRC-32 of the
// rest (big-endian 32-bit words), then zlib-compressed CBOR. The checksum
// tells a damaged file from a foreign one before anything is parsed.
#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace aelab {

struct Session {
    QString appVersion;               // of the program that wrote it
    QString lab;                      // key of the lab in front ("field", "chain", ...)
    QJsonObject setups;               // per lab key: its controls (panel_state.h)
    QMap<QString, QByteArray> models; // per lab key: its model archive
    QJsonObject charts;               // per lab key: its chart series or view state
};

inline constexpr int kSessionVersion = 1;

QByteArray encodeSession(const Session& session);
// False with a message for the user when bytes are not a session this
// version can read: foreign, damaged or truncated, or of another version.
bool decodeSession(const QByteArray& bytes, Session* out, QString* error);

// The same to and from a file; saving is atomic (the old file survives a
// failed write).
bool saveSessionFile(const QString& path, const Session& session, QString* error);
bool loadSessionFile(const QString& path, Session* out, QString* error);

} // namespace aelab
