// libFuzzer target: session files (app/documents/session_file.h), parsed
// from memory as the app parses the bytes it reads.
#include "session_file.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Session session;
    QString error;
    decodeSession(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)), &session,
                  &error);
    return 0;
}
