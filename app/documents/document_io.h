#pragma once
// What session and lesson files share: reporting a refusal, and reading a
// whole file to hand to a parser, with errors that name the file.
#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QString>

namespace aelab {

namespace documents {

// Sets *error (when given) and returns false: `return fail(error, why);`.
inline bool fail(QString* error, const QString& text) {
    if (error) *error = text;
    return false;
}

// Reads path and calls parse(bytes, &why); on failure says "cannot open
// PATH: why".
template <typename Parse> bool readDocument(const QString& path, Parse parse, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QObject::tr("cannot open %1: %2").arg(path, file.errorString()));
    QString why;
    if (parse(file.readAll(), &why)) return true;
    return fail(error, QObject::tr("cannot open %1: %2").arg(path, why));
}

} // namespace documents

} // namespace aelab
