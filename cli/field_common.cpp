// The options and the training shared by the field and chain verbs.
#include "cli/field_common.h"
#include "cli/args.h"
#include "cli/training_loop.h"
#include "core/training/torch_threads.h"

#include <QStringList>

namespace aelab::cli {

namespace {

QStringList datasetNames() {
    QStringList names;
    for (const auto& n : aelab::toy2DNames())
        if (n != "painted") names << QString::fromStdString(n);
    return names;
}

// Reads the options that describe the model and its data.
bool readFieldConfig(CliArgs& a, aelab::FieldConfig& c) {
    QString dataset, activation, loss;
    long long points = 0, width = 0, depth = 0, batch = 0, grid = 0, seed = 0;
    double sigma = 0, lr = 0;
    if (!a.choice("dataset", datasetNames(), dataset) || !a.number("sigma", 1e-4, 10, sigma) ||
        !a.integer("points", 2, 1000000, points) || !a.integer("width", 1, 4096, width) ||
        !a.integer("depth", 1, 16, depth) ||
        !a.choice("activation", {"relu", "tanh", "softplus"}, activation) ||
        !a.choice("loss", {"mse", "bce"}, loss) || !a.number("lr", 1e-7, 10, lr) ||
        !a.integer("batch", 1, 65536, batch) || !a.integer("grid", 8, 512, grid) ||
        !a.integer("seed", 0, 1LL << 62, seed))
        return false;
    c.data.kind = *aelab::toy2DKindFromName(dataset.toStdString());
    if (c.data.kind == aelab::Toy2DKind::Csv) {
        if (!a.isSet("csv")) {
            a.fail("--dataset csv needs --csv FILE");
            return false;
        }
        c.data.csvPath = a.text("csv").toStdString();
    } else if (a.isSet("csv")) {
        a.fail("--csv needs --dataset csv");
        return false;
    }
    c.data.count = int(points);
    c.data.seed = c.seed = quint64(seed);
    c.sigma = float(sigma);
    c.width = int(width);
    c.depth = int(depth);
    aelab::activationFromName(activation.toStdString(), c.activation);
    aelab::lossFromName(loss.toStdString(), c.loss);
    c.learningRate = float(lr);
    c.batchSize = int(batch);
    c.gridSize = int(grid);
    return true;
}

// Builds or loads the model: a model file that cannot be read is bad input.
std::optional<VerbError> makeFieldTrainer(const FieldTraining& t, TrainedField& result) {
    try {
        if (t.modelFile)
            result.trainer = aelab::FieldTrainer::load(t.modelFile->toStdString());
        else
            result.trainer = std::make_unique<aelab::FieldTrainer>(t.config);
    } catch (const std::exception& e) {
        return badInput(QString::fromStdString(e.what()));
    }
    return std::nullopt;
}

} // namespace

void addFieldOptions(CliArgs& a, const aelab::FieldConfig& d) {
    a.addOption("dataset", "spiral, circles, moons, ring, swissroll, two-gaussians or csv.",
                "spiral");
    a.addOption("csv", "CSV file of x,y rows (with --dataset csv).");
    a.addOption("points", "Points to generate.", QString::number(d.data.count));
    a.addOption("sigma", "Gaussian corruption sigma.", QString::number(d.sigma));
    a.addOption("width", "Hidden units per layer.", QString::number(d.width));
    a.addOption("depth", "Hidden layers.", QString::number(d.depth));
    a.addOption("activation", "relu, tanh or softplus.", aelab::activationName(d.activation));
    a.addOption("loss", "mse or bce.", aelab::lossName(d.loss));
    a.addOption("lr", "Adam learning rate.", QString::number(d.learningRate));
    a.addOption("batch", "Batch size.", QString::number(d.batchSize));
    a.addOption("grid", "Field grid cells per side.", QString::number(d.gridSize));
    a.addOption("seed", "Random seed.", "1");
    a.addOption("threads", "LibTorch threads.", "1");
    a.addOption("model",
                "Start from a model file saved by --save-model (its settings and data win).");
    a.addOption("save-model", "Save the trained model to this file.");
}

bool readFieldTraining(CliArgs& a, const QString& stepsOption, FieldTraining& t) {
    long long threads = 1, steps = 0;
    if (!readFieldConfig(a, t.config) || !a.integer("threads", 1, 256, threads) ||
        !a.integer(stepsOption, 0, 100000000, steps))
        return false;
    t.threads = int(threads);
    // With --model, training continues only if the steps option was given.
    t.steps = a.isSet("model") && !a.isSet(stepsOption) ? 0 : steps;
    if (a.isSet("model")) t.modelFile = a.text("model");
    QString save;
    if (a.isSet("save-model") && !a.outputFile("save-model", save)) return false;
    if (a.isSet("save-model")) t.saveModelFile = save;
    return true;
}

std::optional<VerbError> trainField(const FieldTraining& t, TrainedField& result) {
    aelab::setTorchThreads(t.threads);
    if (auto failed = makeFieldTrainer(t, result)) return failed;
    // Bursts of 500: metrics.json's loss is the mean of the last 500 steps.
    const CliTraining run = trainForCli(*result.trainer, t.steps, 500);
    if (run.diverged) return runFailure(divergenceMessage(result.trainer->step(), run.badLoss));
    result.lastLoss = run.lastLoss;
    result.seconds = run.seconds;
    if (!t.saveModelFile) return std::nullopt;
    try {
        result.trainer->save(t.saveModelFile->toStdString());
    } catch (const std::exception& e) {
        return runFailure(QString::fromStdString(e.what()));
    }
    return std::nullopt;
}

} // namespace aelab::cli
