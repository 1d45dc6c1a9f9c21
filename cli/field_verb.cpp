// aelab field: train the field lab's DAE headless and write its field.
#include "cli/args.h"
#include "cli/verbs.h"
#include "cli/field_common.h"
#include "cli/output.h"
#include "widgets/field_plot.h"
#include "app/labs/field/field_snapshot.h"
#include "core/field/field_trainer.h"
#include "widgets/plot_export.h"
#include "core/training/torch_threads.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTextStream>

namespace aelab::cli {

namespace {

QStringList datasetNames() {
    QStringList names;
    for (const auto& n : aelab::toy2DNames())
        if (n != "painted") names << QString::fromStdString(n);
    return names;
}

// Reads the options shared by every verb that trains the field model.
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

} // namespace

void addFieldOptions(CliArgs& a) {
    const aelab::FieldConfig d;
    a.addOption("dataset", "spiral, circles, moons, ring, swissroll or csv.", "spiral");
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

bool readFieldOptions(CliArgs& a, aelab::FieldConfig& c) {
    long long threads = 1;
    if (!readFieldConfig(a, c) || !a.integer("threads", 1, 256, threads)) return false;
    aelab::setTorchThreads(int(threads));
    return true;
}

int trainField(CliArgs& a, const aelab::FieldConfig& config, long long steps,
               TrainedField& result) {
    try {
        if (a.isSet("model"))
            result.trainer = aelab::FieldTrainer::load(a.text("model").toStdString());
        else
            result.trainer = std::make_unique<aelab::FieldTrainer>(config);
    } catch (const std::exception& e) {
        a.fail(QString::fromStdString(e.what()));
        return usageError(a);
    }
    QElapsedTimer clock;
    clock.start();
    for (long long done = 0; done < steps;) {
        const auto r = result.trainer->train(int(std::min<long long>(500, steps - done)));
        done += r.steps;
        if (r.steps > 0) result.lastLoss = r.meanLoss;
        if (r.diverged)
            return runError(a, QString("training diverged at step %1 (loss %2); lower --lr")
                                   .arg(result.trainer->step())
                                   .arg(r.badLoss));
    }
    result.seconds = clock.nsecsElapsed() * 1e-9;
    if (a.isSet("save-model")) {
        try {
            result.trainer->save(a.text("save-model").toStdString());
        } catch (const std::exception& e) {
            return runError(a, QString::fromStdString(e.what()));
        }
    }
    return 0;
}

long long trainingSteps(CliArgs& a, const QString& option, long long value) {
    return a.isSet("model") && !a.isSet(option) ? 0 : value;
}

int runFieldVerb(const QStringList& args) {
    CliArgs a("field", "Train a denoising autoencoder on 2D data and write its field.");
    addFieldOptions(a);
    a.addOption("steps", "Training steps.", "3000");
    a.addOption("heatmap", "Heat map in field.png: none, magnitude or density.", "none");
    a.addOption("out", "Output folder (created if missing).");
    if (!a.parse(args)) return usageError(a);
    if (a.helpRequested()) return printHelp(a);
    aelab::FieldConfig config;
    long long steps = 0;
    QString heatMap;
    if (!readFieldOptions(a, config) || !a.integer("steps", 0, 100000000, steps) ||
        !a.choice("heatmap", {"none", "magnitude", "density"}, heatMap))
        return usageError(a);
    QDir out;
    TrainedField trained;
    if (int code = openOutputDir(a, out)) return code;
    steps = trainingSteps(a, "steps", steps);
    if (int code = trainField(a, config, steps, trained)) return code;
    aelab::FieldTrainer* trainer = trained.trainer.get();
    const double seconds = trained.seconds, lastLoss = trained.lastLoss;
    QString error;
    const aelab::FieldResult field = trainer->evaluate();
    const std::vector<float> data = trainer->dataXY();

    QJsonObject metrics{{"steps", double(steps)},
                        {"loss", lastLoss},
                        {"field_r2", field.r2},
                        {"model_step", double(trainer->step())},
                        {"steps_per_second", seconds > 0 ? steps / seconds : 0.0},
                        {"seconds", seconds},
                        {"dataset", a.text("dataset")},
                        {"sigma", double(config.sigma)},
                        {"seed", double(config.seed)}};
    QString fieldCsv = "x,y,dx,dy,ideal_dx,ideal_dy,density\n";
    const auto& g = field.grid;
    for (int iy = 0; iy < g.ny; ++iy)
        for (int ix = 0; ix < g.nx; ++ix) {
            const int i = iy * g.nx + ix;
            fieldCsv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                            .arg(g.x(ix), 0, 'g', 7)
                            .arg(g.y(iy), 0, 'g', 7)
                            .arg(field.dx[i], 0, 'g', 7)
                            .arg(field.dy[i], 0, 'g', 7)
                            .arg(field.idealDx[i], 0, 'g', 7)
                            .arg(field.idealDy[i], 0, 'g', 7)
                            .arg(std::exp(double(field.logDensity[i])), 0, 'g', 7);
        }
    QString dataCsv = "x,y\n";
    for (size_t i = 0; i + 1 < data.size(); i += 2)
        dataCsv += QStringLiteral("%1,%2\n").arg(data[i], 0, 'g', 7).arg(data[i + 1], 0, 'g', 7);

    FieldPlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen); // laid out at its real size, never on screen
    plot.resize(900, 900);
    plot.show();
    plot.setFieldData(toViewData(field, data));
    plot.setHeatMap(heatMap == "magnitude" ? FieldPlot::HeatMap::FieldMagnitude
                    : heatMap == "density" ? FieldPlot::HeatMap::LogDensity
                                           : FieldPlot::HeatMap::None);
    plot.setTitleText(QStringLiteral("%1, σ = %2, %3 steps · field fit R² = %4")
                          .arg(a.text("dataset"))
                          .arg(config.sigma)
                          .arg(steps)
                          .arg(field.r2, 0, 'f', 3));
    if (!writeJson(out.filePath("metrics.json"), metrics, &error) ||
        !writeText(out.filePath("field.csv"), fieldCsv, &error) ||
        !writeText(out.filePath("data.csv"), dataCsv, &error) ||
        !exportPlot(&plot, out.filePath("field.png"), 900, 900, &error))
        return runError(a, error);
    QTextStream(stdout) << "field: " << steps << " steps in " << QString::number(seconds, 'f', 2)
                        << " s (" << QString::number(steps / std::max(seconds, 1e-9), 'f', 0)
                        << " steps/s), loss " << lastLoss << ", field fit R² "
                        << QString::number(field.r2, 'f', 4) << " -> " << out.path() << "\n";
    return 0;
}

} // namespace aelab::cli
