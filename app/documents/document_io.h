#pragma once
// What session and lesson files share: reporting a refusal, and reading a
// whole file to hand to a parser, with errors that name the file.
#include "core/io/input_file.h"

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

// Reads path, a regular file within limit (core/io/input_file.h), and calls
// parse(bytes, &why); on failure says "cannot open PATH: why".
template <typename Parse>
bool readDocument(const QString& path, Parse parse, QString* error, const FileLimit& limit) {
    QByteArray bytes;
    if (path.startsWith(QLatin1String(":/"))) { // built into the app (the lessons)
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(error, QObject::tr("cannot open %1: %2").arg(path, file.errorString()));
        bytes = file.readAll();
    } else {
        std::string read;
        if (auto refused = readInputFile(path.toStdString(), limit, read))
            return fail(error, QObject::tr("cannot open %1").arg(QString::fromStdString(*refused)));
        bytes = QByteArray::fromStdString(read);
    }
    QString why;
    if (parse(bytes, &why)) return true;
    return fail(error, QObject::tr("cannot open %1: %2").arg(path, why));
}

} // namespace documents

} // namespace aelab
