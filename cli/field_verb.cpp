// aelab field: train the field lab's DAE headless and write its field. Three
// steps: parse the options into a FieldRequest, train and evaluate the model
// into FieldOutputs, write the files.
#include "cli/args.h"
#include "cli/verbs.h"
#include "cli/field_common.h"
#include "cli/output.h"
#include "cli/run_folder.h"
#include "widgets/field_plot.h"
#include "app/labs/field/field_snapshot.h"
#include "core/field/field_trainer.h"
#include "widgets/plot_export.h"

#include <QDir>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <optional>
#include <variant>
#include <vector>

namespace aelab::cli {

namespace {

// Step 1: the verb's settings.

struct FieldRequest {
    FieldTraining training;
    QString heatMap; // in field.png: none, magnitude or density
    QString dataset; // as given: with --model the file's data win
    QDir out;
};

void declareFieldOptions(CliArgs& a) {
    addFieldOptions(a);
    a.addOption("steps", "Training steps.", "3000");
    a.addOption("heatmap", "Heat map in field.png: none, magnitude or density.", "none");
    a.addOption("out", "Output folder (created if missing).");
}

// The exit code when the verb ends here (--help, a usage error), or nothing
// with the request filled and the output folder made.
std::optional<int> parseFieldRequest(CliArgs& a, const QStringList& args, FieldRequest& r) {
    declareFieldOptions(a);
    if (const std::optional<int> stop = parseVerbArgs(a, args)) return stop;
    if (!readFieldTraining(a, "steps", r.training) ||
        !a.choice("heatmap", {"none", "magnitude", "density"}, r.heatMap))
        return usageError(a);
    r.dataset = a.text("dataset");
    if (const int code = openOutputDir(a, r.out)) return code;
    return std::nullopt;
}

// Step 2: train, then evaluate the field on its grid.

struct FieldOutputs {
    double lastLoss = 0;
    double seconds = 0; // training time only
    long long modelStep = 0;
    aelab::FieldResult field;
    std::vector<float> data; // x0,y0,x1,y1,...
};

RunOutcome<FieldOutputs> trainAndEvaluateField(const FieldRequest& r) {
    TrainedField trained;
    if (const std::optional<VerbError> failed = trainField(r.training, trained)) return *failed;
    FieldOutputs o;
    o.lastLoss = trained.lastLoss;
    o.seconds = trained.seconds;
    o.modelStep = trained.trainer->step();
    o.field = trained.trainer->evaluate();
    o.data = trained.trainer->dataXY();
    return o;
}

// Step 3: metrics.json, field.csv, data.csv, field.png and the summary line.

QJsonObject fieldMetrics(const FieldRequest& r, const FieldOutputs& o) {
    const long long steps = r.training.steps;
    return {{"steps", double(steps)},
            {"loss", o.lastLoss},
            {"field_r2", o.field.r2},
            {"model_step", double(o.modelStep)},
            {"steps_per_second", o.seconds > 0 ? steps / o.seconds : 0.0},
            {"seconds", o.seconds},
            {"dataset", r.dataset},
            {"sigma", double(r.training.config.sigma)},
            {"seed", double(r.training.config.seed)},
            {"points", double(o.data.size() / 2)},
            {"peak_memory_mb", peakResidentMb()}};
}

QString fieldCsv(const aelab::FieldResult& field) {
    QString csv = "x,y,dx,dy,ideal_dx,ideal_dy,density\n";
    const auto& g = field.grid;
    for (int iy = 0; iy < g.ny; ++iy)
        for (int ix = 0; ix < g.nx; ++ix) {
            const int i = iy * g.nx + ix;
            csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                       .arg(g.x(ix), 0, 'g', 7)
                       .arg(g.y(iy), 0, 'g', 7)
                       .arg(field.dx[i], 0, 'g', 7)
                       .arg(field.dy[i], 0, 'g', 7)
                       .arg(field.idealDx[i], 0, 'g', 7)
                       .arg(field.idealDy[i], 0, 'g', 7)
                       .arg(std::exp(double(field.logDensity[i])), 0, 'g', 7);
        }
    return csv;
}

QString dataCsv(const std::vector<float>& data) {
    QString csv = "x,y\n";
    for (size_t i = 0; i + 1 < data.size(); i += 2)
        csv += QStringLiteral("%1,%2\n").arg(data[i], 0, 'g', 7).arg(data[i + 1], 0, 'g', 7);
    return csv;
}

FieldPlot::HeatMap heatMapNamed(const QString& name) {
    return name == "magnitude" ? FieldPlot::HeatMap::FieldMagnitude
           : name == "density" ? FieldPlot::HeatMap::LogDensity
                               : FieldPlot::HeatMap::None;
}

// The GUI's plot, laid out at its real size off screen, saved as a PNG.
bool writeFieldPng(const FieldRequest& r, const FieldOutputs& o, const QString& path,
                   QString* error) {
    FieldPlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen); // laid out at its real size, never on screen
    plot.resize(900, 900);
    plot.show();
    plot.setFieldData(toViewData(o.field, o.data));
    plot.setHeatMap(heatMapNamed(r.heatMap));
    plot.setTitleText(QStringLiteral("%1, σ = %2, %3 steps · field fit R² = %4")
                          .arg(r.dataset)
                          .arg(r.training.config.sigma)
                          .arg(r.training.steps)
                          .arg(o.field.r2, 0, 'f', 3));
    return exportPlot(&plot, path, 900, 900, error);
}

bool writeFieldOutputs(const FieldRequest& r, const FieldOutputs& o, QString* error) {
    if (!writeJson(r.out.filePath("metrics.json"), fieldMetrics(r, o), error) ||
        !writeText(r.out.filePath("field.csv"), fieldCsv(o.field), error) ||
        !writeText(r.out.filePath("data.csv"), dataCsv(o.data), error) ||
        !writeFieldPng(r, o, r.out.filePath("field.png"), error))
        return false;
    const long long steps = r.training.steps;
    QTextStream(stdout) << "field: " << steps << " steps in " << QString::number(o.seconds, 'f', 2)
                        << " s (" << QString::number(steps / std::max(o.seconds, 1e-9), 'f', 0)
                        << " steps/s), loss " << o.lastLoss << ", field fit R² "
                        << QString::number(o.field.r2, 'f', 4) << " -> " << shownPath(r.out.path())
                        << "\n";
    return true;
}

} // namespace

int runFieldVerb(const QStringList& args) {
    CliArgs a("field", "Train a denoising autoencoder on 2D data and write its field.");
    FieldRequest request;
    if (const std::optional<int> stop = parseFieldRequest(a, args, request)) return *stop;
    const RunOutcome<FieldOutputs> outcome = trainAndEvaluateField(request);
    if (const auto* failed = std::get_if<VerbError>(&outcome)) return reportError(a, *failed);
    QString error;
    if (!writeFieldOutputs(request, std::get<FieldOutputs>(outcome), &error))
        return runError(a, error);
    return 0;
}

} // namespace aelab::cli
