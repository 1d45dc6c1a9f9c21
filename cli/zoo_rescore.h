#pragma once
// Scores a saved model as the command line would: the zoo's sidecars are
// written and verified with these. A lines model on the benchmark's first
// `pairs` test pairs, as `aelab interpolate --checkpoint FILE --steps 0`.
#include "app/zoo/zoo_catalogue.h"

#include <QString>

namespace aelab::cli {

struct RescoreOutcome {
    zoo::ZooScore score;
    QString error; // empty when scored
};
RescoreOutcome rescoreLinesModel(const QString& file, int pairs, int frames);

// An image model's test score, as the verb that made it computed it: the
// DVAE lab's test NLL (K importance samples; `aelab dvae --checkpoint FILE
// --epochs 0`) or the image lab's test loss per pixel (`aelab image-dae
// --checkpoint FILE --steps 0`) over `images` evenly spread test images.
struct TestRescore {
    double value = 0;
    QString error; // empty when scored
};
TestRescore rescoreImageModel(const QString& lab, const QString& file, int images, int k);

} // namespace aelab::cli
