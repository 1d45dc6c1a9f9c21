#pragma once
// The benchmark's verbs: `aelab bench` (speed, GUI cost, frame times,
// start-up, against PyTorch) and `aelab soak` (memory over a long run).
#include "cli/cli.h"

namespace aelab {

namespace bench {
int runBenchVerb(const QStringList& args);
int runSoakVerb(const QStringList& args);

inline QList<cli::Verb> verbs() {
    return {
        {"bench",
         "measure training speed, GUI cost, frame times and startup (--peer: against "
         "PyTorch); write bench.json",
         runBenchVerb},
        {"soak",
         "train for a long time with the GUI open, the labs taking turns; write soak.json "
         "(memory)",
         runSoakVerb},
    };
}
} // namespace bench

} // namespace aelab
