#pragma once
// The command line: headless verbs that run the same core code as the GUI.
// Exit codes: 0 success, 1 a failure while running, 2 bad options or input.
#include <QList>
#include <QString>
#include <QStringList>

namespace aelab::cli {

struct Verb {
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args); // args[0] is the program, args[1] the verb
};

// The verbs of this target: field, chain, image-dae, interpolate, dvae, lines.
QList<Verb> builtInVerbs();

bool isVerb(const QString& word, const QList<Verb>& verbs);
// Runs the verb args[1] names; an unknown one is a one-line error, exit 2.
int run(const QStringList& args, const QList<Verb>& verbs);
// `aelab --help`: how to start the GUI, then every verb with its summary.
QString usage(const QList<Verb>& verbs);

} // namespace aelab::cli
