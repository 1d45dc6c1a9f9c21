#pragma once
// Writing the command line's output files. Every write goes to a temporary
// file that is renamed into place, so a failed run never leaves half a file.
#include <QDir>
#include <QJsonObject>
#include <QString>

namespace aelab::cli {

class CliArgs;

bool prepareOutputDir(const QDir& dir, QString* error);
// The verb's --out folder, made if missing: 0, or the one-line error's exit code (2).
int openOutputDir(CliArgs& a, QDir& out);
bool writeText(const QString& path, const QString& text, QString* error);
bool writeJson(const QString& path, const QJsonObject& object, QString* error);
int printHelp(const CliArgs& args);

} // namespace aelab::cli
