#pragma once
// What a burst of training steps reports, for every trainer.
namespace aelab {

struct StepResult {
    int steps = 0;         // steps actually taken
    double meanLoss = 0;   // mean loss over those steps
    bool diverged = false; // a non-finite loss was met; weights were rolled back
    double badLoss = 0;    // the offending loss when diverged
};

} // namespace aelab
