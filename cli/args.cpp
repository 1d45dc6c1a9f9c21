#include "datasets/image_source.h"

#include "cli/args.h"
#include "cli/memory_budget.h"
#include "cli/output.h"
#include "cli/run_folder.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>
#include <cmath>

namespace aelab::cli {

CliArgs::CliArgs(QString verb, const QString& description) : verb_(std::move(verb)) {
    parser_.setApplicationDescription(description);
    parser_.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser_.addOption(QCommandLineOption({"h", "help"}, "Show this help."));
    parser_.addPositionalArgument(verb_, "The verb.");
}

void CliArgs::addOption(const QString& name, const QString& help, const QString& defaultValue) {
    QCommandLineOption option(name, help, "value");
    if (!defaultValue.isEmpty()) option.setDefaultValue(defaultValue);
    parser_.addOption(option);
}

void CliArgs::addFlag(const QString& name, const QString& help) {
    parser_.addOption(QCommandLineOption(name, help));
}

bool CliArgs::parse(const QStringList& args) {
    if (!parser_.parse(args)) {
        error_ = parser_.errorText();
        return false;
    }
    if (parser_.positionalArguments().size() > 1) {
        error_ =
            QStringLiteral("unexpected argument \"%1\"").arg(parser_.positionalArguments().at(1));
        return false;
    }
    return true;
}

bool CliArgs::integer(const QString& name, long long lo, long long hi, long long& out) {
    bool ok = false;
    const long long v = parser_.value(name).toLongLong(&ok);
    if (!ok || v < lo || v > hi) {
        error_ = QStringLiteral("--%1 must be an integer in [%2, %3], got \"%4\"")
                     .arg(name)
                     .arg(lo)
                     .arg(hi)
                     .arg(parser_.value(name));
        return false;
    }
    out = v;
    return true;
}

bool CliArgs::number(const QString& name, double lo, double hi, double& out) {
    bool ok = false;
    const double v = parser_.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo || v > hi) {
        error_ = QStringLiteral("--%1 must be a number in [%2, %3], got \"%4\"")
                     .arg(name)
                     .arg(lo)
                     .arg(hi)
                     .arg(parser_.value(name));
        return false;
    }
    out = v;
    return true;
}

bool CliArgs::choice(const QString& name, const QStringList& allowed, QString& out) {
    const QString v = parser_.value(name);
    if (!allowed.contains(v)) {
        error_ =
            QStringLiteral("--%1 must be one of %2, got \"%3\"").arg(name, allowed.join(", "), v);
        return false;
    }
    out = v;
    return true;
}

bool CliArgs::outputFile(const QString& name, QString& out) {
    const QString path = text(name);
    const QFileInfo file(path), folder(file.absolutePath());
    if (path.trimmed().isEmpty() || file.isDir()) {
        fail("--" + name + " needs a file name, got \"" + path + "\"");
        return false;
    }
    if (!folder.isDir() || !folder.isWritable()) {
        fail("--" + name + ": the folder " + folder.filePath() +
             (folder.isDir() ? " is not writable" : " does not exist"));
        return false;
    }
    out = path;
    return true;
}

int usageError(const CliArgs& args) {
    return reportError(args, badInput(args.error()));
}

int runError(const CliArgs& args, const QString& message) {
    return reportError(args, runFailure(message));
}

QString commandLine(const QStringList& arguments) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=+,-]+$"));
    QStringList words{QStringLiteral("aelab")};
    for (const QString& a : arguments.mid(1))
        words << (plain.match(a).hasMatch() ? a : "'" + QString(a).replace("'", "'\\''") + "'");
    return words.join(' ');
}

std::optional<int> parseVerbArgs(CliArgs& args, const QStringList& arguments) {
    if (!args.parse(arguments)) return usageError(args);
    if (args.helpRequested()) return printHelp(args);
    return std::nullopt;
}

int reportError(const CliArgs& args, const VerbError& error) {
    return reportError(args.verb(), error);
}

int reportError(const QString& verb, const VerbError& error) {
    // One line, whatever the message carried (Torch appends a backtrace); a
    // failed allocation says so and is a failure while running (exit 1).
    const QString oom = outOfMemoryMessage(error.message);
    QTextStream(stderr) << "aelab " << verb << ": "
                        << (oom.isEmpty() ? shownPath(error.message.section('\n', 0, 0)) : oom)
                        << "\n";
    return oom.isEmpty() ? error.exitCode : 1;
}

bool readImageSource(CliArgs& a, QString& dataset) {
    dataset = a.text("dataset");
    if (aelab::isImageSourceName(dataset.toStdString())) return true;
    a.fail("--dataset: expected mnist, fashion-mnist, lines or folder:PATH, got \"" + dataset +
           "\"");
    return false;
}

void declareModelFileOptions(CliArgs& a, const QString& more) {
    a.addOption("save", "Write the trained model to this file (weights, settings, data, step).");
    a.addOption("checkpoint", "Start from this model file (from --save): its settings and data "
                              "replace the options'; " +
                                  more + ".");
    a.addFlag("save-moments", "--save: keep Adam's moments too, so training on is seamless.");
}

bool readNoise(CliArgs& a, aelab::CorruptionSpec& noise) {
    const auto parsed = aelab::parseCorruption(a.text("noise").toStdString());
    if (!parsed) {
        a.fail("--noise: expected gaussian:S, saltpepper:P or mask:P, got \"" + a.text("noise") +
               "\"");
        return false;
    }
    noise = *parsed;
    return true;
}

} // namespace aelab::cli
