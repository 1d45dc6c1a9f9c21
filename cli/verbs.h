#pragma once
// Each verb's entry point, one file each (cli/<verb>_verb.cpp); args[0] is
// the program, args[1] the verb. cli.cpp lists them with their summaries.
#include <QStringList>

namespace aelab::cli {

int runFieldVerb(const QStringList& args);
int runChainVerb(const QStringList& args);
int runAnnealVerb(const QStringList& args);
int runImageDaeVerb(const QStringList& args);
int runLinesVerb(const QStringList& args);
int runInterpolateVerb(const QStringList& args);
int runDvaeVerb(const QStringList& args);
int runDvaeCompareVerb(const QStringList& args);
int runZooVerb(const QStringList& args);

} // namespace aelab::cli
