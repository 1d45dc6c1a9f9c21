#pragma once
// Scores a saved lines model on the benchmark's first `pairs` test pairs, as
// `aelab interpolate --checkpoint FILE --steps 0` would: the zoo's sidecars
// are written and verified with it.
#include "app/zoo/zoo_catalogue.h"

#include <QString>

namespace aelab::cli {

struct RescoreOutcome {
    zoo::ZooScore score;
    QString error; // empty when scored
};
RescoreOutcome rescoreLinesModel(const QString& file, int pairs, int frames);

} // namespace aelab::cli
