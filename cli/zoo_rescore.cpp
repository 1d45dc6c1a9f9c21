#include "core/interp/interp_trainer.h"
#include "core/interp/lines_protocol.h"

#include "cli/zoo_rescore.h"

namespace aelab::cli {

RescoreOutcome rescoreLinesModel(const QString& file, int pairs, int frames) {
    RescoreOutcome out;
    try {
        // Scoring never trains: one blank image stands for the training set.
        auto trainer = aelab::InterpTrainer::load(file.toStdString(), torch::zeros({1, 1, 32, 32}));
        const auto sequences = aelab::modelSequences(*trainer, pairs, frames);
        static const aelab::LinesBenchmark bench;
        const aelab::LinesScore raw = bench.score(sequences);
        const aelab::LinesScore drawn = bench.scoreAsDrawn(sequences);
        out.score = {raw.meanDistance, raw.smoothness, drawn.meanDistance,
                     drawn.smoothness, pairs,          frames};
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what()).section('\n', 0, 0);
    }
    return out;
}

} // namespace aelab::cli
