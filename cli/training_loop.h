#pragma once
// The training loop every model-training verb runs: bursts of at most
// `burst` steps until `steps` are done or a burst diverges (the trainer has
// then rolled back to its last good weights). The reported loss is the mean
// of the last burst.
#include "core/training/step_result.h"

#include <QElapsedTimer>
#include <QString>

#include <algorithm>

namespace aelab::cli {

struct CliTraining {
    bool diverged = false;
    long long done = 0;  // steps completed before the diverging burst
    double badLoss = 0;  // the non-finite loss, when diverged
    double lastLoss = 0; // mean loss of the last burst
    double seconds = 0;  // training time
};

template <typename Trainer>
CliTraining trainForCli(Trainer& trainer, long long steps, int burst = 100) {
    CliTraining t;
    QElapsedTimer clock;
    clock.start();
    while (t.done < steps) {
        const aelab::StepResult r = trainer.train(int(std::min<long long>(burst, steps - t.done)));
        if (r.diverged) {
            t.diverged = true;
            t.badLoss = r.badLoss;
            break;
        }
        t.done += r.steps;
        t.lastLoss = r.meanLoss;
    }
    t.seconds = double(clock.nsecsElapsed()) * 1e-9;
    return t;
}

// At step 0 no update has happened yet, so the learning rate cannot be the
// cause: the data's scale or the settings overflow single precision.
inline QString divergenceMessage(long long step, double loss) {
    if (step == 0)
        return QStringLiteral("the loss is not finite before the first update (loss %1): the "
                              "data's scale or the settings overflow single precision, not the "
                              "learning rate; rescale the data")
            .arg(loss);
    return QStringLiteral("training diverged at step %1 (loss %2): try a lower --lr")
        .arg(step)
        .arg(loss);
}

} // namespace aelab::cli
