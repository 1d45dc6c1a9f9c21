#pragma once
// Typed option reading for the command-line verbs: every bad value becomes a
// one-line error naming the option, so each verb only lists what it takes.
#include "core/training/corruption_spec.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace aelab::cli {

class CliArgs {
  public:
    CliArgs(QString verb, const QString& description);
    void addOption(const QString& name, const QString& help, const QString& defaultValue = {});
    void addFlag(const QString& name, const QString& help);
    // Parses; on failure error() holds the one-line message.
    bool parse(const QStringList& args);
    bool helpRequested() const { return parser_.isSet("help"); }
    QString helpText() const { return parser_.helpText(); }

    bool isSet(const QString& name) const { return parser_.isSet(name); }
    QString text(const QString& name) const { return parser_.value(name); }
    // These return false (and set error()) when the value is malformed or out of range.
    bool integer(const QString& name, long long lo, long long hi, long long& out);
    bool number(const QString& name, double lo, double hi, double& out);
    bool choice(const QString& name, const QStringList& allowed, QString& out);
    // A file option the run will write at its end (a model): its folder must
    // exist and be writable now, not after hours of training.
    bool outputFile(const QString& name, QString& out);

    QString error() const { return error_; }
    void fail(const QString& message) { error_ = message; }
    const QString& verb() const { return verb_; }

  private:
    QString verb_;
    QCommandLineParser parser_;
    QString error_;
};

// Prints "aelab VERB: message" on stderr and returns the exit code 2.
int usageError(const CliArgs& args);
// The same for a failure while running (a write error, a diverged run):
// prints "aelab VERB: message" and returns the exit code 1.
int runError(const CliArgs& args, const QString& message);

// Parses args and answers --help: the exit code when the verb ends here (0
// after printing the help, 2 after printing a usage error), or nothing when
// the verb goes on to read its options.
std::optional<int> parseVerbArgs(CliArgs& args, const QStringList& arguments);

// The command line as one line a shell reads back the same ("aelab VERB
// --opt value ..."): arguments with spaces or quotes are single-quoted.
QString commandLine(const QStringList& arguments);

// Why a verb's run step stopped: bad input it could only see by loading it
// (a dataset, a model file: exit code 2), or a failure while running (a
// diverged run, a model that could not be saved: exit code 1).
struct VerbError {
    int exitCode = 1;
    QString message;
};
inline VerbError badInput(QString message) {
    return {2, std::move(message)};
}
inline VerbError runFailure(QString message) {
    return {1, std::move(message)};
}
// Prints "aelab VERB: message" on stderr and returns the error's exit code.
int reportError(const CliArgs& args, const VerbError& error);
// The same for a verb by name: one line, whatever the message carried; a
// failed allocation reads "out of memory (budget …)" and exits 1.
int reportError(const QString& verb, const VerbError& error);

// The image verbs' --dataset: a source name (mnist, fashion-mnist, lines,
// folder:PATH); false, with a.error() set, for anything else.
bool readImageSource(CliArgs& a, QString& dataset);
// --save, --checkpoint and --save-moments of the verbs whose models are
// files (image-dae, dvae); `more` says what the verb's budget option does
// from a checkpoint ("--steps more steps (0: only sample and score)").
void declareModelFileOptions(CliArgs& a, const QString& more);
// The image verbs' --noise (gaussian:S, saltpepper:P or mask:P); false, with
// a.error() set, for anything else.
bool readNoise(CliArgs& a, aelab::CorruptionSpec& noise);

// What a verb's run step returns: what its write step turns into files, or
// why it stopped.
template <typename Outputs> using RunOutcome = std::variant<Outputs, VerbError>;

} // namespace aelab::cli
