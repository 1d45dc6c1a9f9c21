#pragma once
// Writing the command line's output files. Text and JSON go to a temporary
// file that is renamed into place, so a failed run never leaves half a file;
// PNGs are written as QImage writes them.
#include <QDir>
#include <QJsonObject>
#include <QString>

class QImage;

namespace aelab::cli {

class CliArgs;

// The verb's --out folder, made if missing, staged for this run
// (run_folder.h): 0, or the one-line error's exit code (2).
int openOutputDir(CliArgs& a, QDir& out);
bool writeText(const QString& path, const QString& text, QString* error);
bool writeJson(const QString& path, const QJsonObject& object, QString* error);
// Encoded in memory, then written like the others; on failure the error is
// "cannot write PATH".
bool writePng(const QImage& image, const QString& path, QString* error);
int printHelp(const CliArgs& args);
// The process's peak resident memory so far, in MiB (VmHWM): the scaling
// benchmark reads it from metrics.json.
double peakResidentMb();

} // namespace aelab::cli
