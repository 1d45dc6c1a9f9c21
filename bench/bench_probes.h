#pragma once
// The measurements of `aelab bench`. Each probe runs one
// workload the way the app runs it and returns one figure; the verb repeats
// them and keeps medians. Torch thread counts are the GUI's: one for training.
#include <QElapsedTimer>
#include <QString>
#include <vector>

namespace aelab {

struct BenchSettings {
    double seconds = 3.0; // per throughput run
    int repeats = 3;      // runs per figure (medians)
};

// The field lab's default model trained by a FieldWorker on its own thread,
// "as fast as possible"; snapshots are taken at once, never drawn.
double headlessFieldStepsPerSecond(double seconds);

// The same with the main window shown (offscreen is fine) and the field lab
// drawing every snapshot. frameMs gets the GUI's frame times of the run.
struct GuiFieldRun {
    double stepsPerSecond = 0;
    std::vector<double> frameMs;
};
GuiFieldRun guiFieldRun(double seconds);

// Milliseconds, medians over `runs` calls at the field lab's defaults (1,000
// spiral points, 64 x 64 grid): FieldTrainer::evaluate, the ideal field, one
// chain step of 10,000 particles with the chain lab's default injection.
double fieldEvalMs(int runs);
double idealFieldMs(int runs);
double chainStepMs(int runs);

// Training steps per second at the image lab's defaults (its data, model and
// batch) and of ACAI at the interpolation lab's (lines). dataset says which
// images the image DAE trained on.
double imageDaeStepsPerSecond(double seconds, QString* dataset);
double acaiStepsPerSecond(double seconds);

// Launch of `program` (this executable) to its first painted window, in ms;
// negative with *error set when the child failed.
double startupMs(const QString& program, QString* error);

// Writes what the PyTorch peer trains on into dir: data.f32 (the field lab's
// 2D points) and lines.f32 (2,000 training lines in [-1, 1]).
bool writePeerData(const QString& dir, QString* error);

double median(std::vector<double> values);

// The median of `runs` timings of f(), in milliseconds.
template <typename F> double medianMs(int runs, F f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        f();
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return median(ms);
}
double percentile(std::vector<double> values, double p); // p in [0, 100], nearest rank

} // namespace aelab
