#include "cli/output.h"
#include "cli/args.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

namespace aelab::cli {

bool prepareOutputDir(const QDir& dir, QString* error) {
    if (!dir.exists() && !QDir().mkpath(dir.path())) {
        *error = QStringLiteral("%1: cannot create the output folder").arg(dir.path());
        return false;
    }
    const QFileInfo info(dir.path());
    if (!info.isDir() || !info.isWritable()) {
        *error = QStringLiteral("%1: the output folder is not writable").arg(dir.path());
        return false;
    }
    return true;
}

namespace {
bool writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

bool writeText(const QString& path, const QString& text, QString* error) {
    return writeBytes(path, text.toUtf8(), error);
}

bool writeJson(const QString& path, const QJsonObject& object, QString* error) {
    return writeBytes(path, QJsonDocument(object).toJson(QJsonDocument::Indented), error);
}

bool writePng(const QImage& image, const QString& path, QString* error) {
    QByteArray png;
    QBuffer buffer(&png);
    QString ignored;
    if (buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG") &&
        writeBytes(path, png, &ignored))
        return true;
    *error = "cannot write " + path;
    return false;
}

int printHelp(const CliArgs& args) {
    QTextStream(stdout) << args.helpText();
    return 0;
}

int openOutputDir(CliArgs& a, QDir& out) {
    if (!a.isSet("out")) {
        a.fail("--out DIR is required");
        return usageError(a);
    }
    out = QDir(a.text("out"));
    QString error;
    if (!prepareOutputDir(out, &error)) {
        a.fail(error);
        return usageError(a);
    }
    return 0;
}

double peakResidentMb() {
    // VmHWM, not getrusage: ru_maxrss survives exec, so a child started by
    // a large process would report its parent's peak.
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ')[0].toDouble() / 1024;
    return 0;
}

} // namespace aelab::cli
