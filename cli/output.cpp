#include "cli/output.h"
#include "cli/args.h"
#include "cli/run_folder.h"
#include "core/io/atomic_file.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QTextStream>

namespace aelab::cli {

namespace {
// The one writer of the command line's files (core/io/atomic_file): a
// temporary beside the target, every write and the fsync checked, then a
// rename. (QSaveFile committed a 0-byte metrics.json on a full disk and
// reported "Unknown error".)
bool writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
    try {
        writeBytesAtomically(QFile::encodeName(path).toStdString(), bytes.toStdString());
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromLocal8Bit(e.what());
        return false;
    }
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
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG")) {
        *error = "cannot write " + path + ": the image could not be encoded";
        return false;
    }
    return writeBytes(path, png, error);
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
    if (a.text("out").trimmed().isEmpty()) {
        a.fail("--out needs a folder name (it was empty)");
        return usageError(a);
    }
    QString staging, error;
    if (!beginRunFolder(a.text("out"), &staging, &error)) {
        a.fail(error);
        return usageError(a);
    }
    out = QDir(staging);
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
