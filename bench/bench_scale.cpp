// Torch's headers before Qt's (Qt's "slots" macro breaks them).
#include "core/field/field_trainer.h"
#include "core/field/ideal_field_grid.h"
#include "datasets/points_csv.h"

#include "bench/bench_scale.h"

#include "app/labs/field/field_snapshot.h"
#include "bench/bench_probes.h"
#include "widgets/field_plot.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <cmath>

namespace aelab {

namespace {

constexpr double kSigma = 0.1; // the field lab's default
constexpr int kGrid = 64;

// A whole `aelab field` run at n points: its seconds and peak memory.
bool fieldRun(const QString& program, const QString& out, int64_t n, QJsonObject* row,
              QString* error) {
    QProcess child;
    QElapsedTimer clock;
    clock.start();
    child.start(program, {"field", "--points", QString::number(n), "--steps", "10", "--out", out});
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        *error = "aelab field --points " + QString::number(n) +
                 " failed: " + QString::fromUtf8(child.readAllStandardError()).trimmed();
        return false;
    }
    (*row)["field_run_seconds"] = double(clock.nsecsElapsed()) * 1e-9;
    QFile f(out + "/metrics.json");
    if (!f.open(QIODevice::ReadOnly)) {
        *error = "no metrics.json from aelab field in " + out;
        return false;
    }
    (*row)["peak_memory_mb"] = QJsonDocument::fromJson(f.readAll())["peak_memory_mb"].toDouble();
    return true;
}

// The ideal field's time, and its distance from the direct sum on every
// 16th grid node (the direct sum at all nodes costs N x grid).
void idealFieldFigures(const std::vector<float>& xy, int repeats, QJsonObject* row) {
    auto data = torch::from_blob(const_cast<float*>(xy.data()), {int64_t(xy.size() / 2), 2});
    const GridSpec grid{fieldBox(xy), kGrid, kGrid};
    IdealField fast;
    (*row)["ideal_field_ms"] =
        medianMs(repeats, [&] { fast = idealFieldOnGrid(data, grid, kSigma); });
    (*row)["gathered_nodes"] = double(lastGatheredNodes());
    const auto pick = torch::arange(0, grid.size(), 16);
    const IdealField exact = idealField(data, gridNodes(grid).index_select(0, pick), kSigma);
    const auto r = fast.rMinusX.index_select(0, pick), lp = fast.logDensity.index_select(0, pick);
    (*row)["check_nodes"] = double(pick.size(0));
    (*row)["max_log_density_error"] = (lp - exact.logDensity).abs().max().item<double>();
    (*row)["max_field_error_relative"] =
        ((r - exact.rMinusX).abs().max() / exact.rMinusX.abs().max()).item<double>();
}

// The same fit score with the ideal field summed directly at every node (N x
// grid exponentials: run up to 100,000 points).
double directFitR2(const FieldResult& r, const std::vector<float>& xy) {
    auto data = torch::from_blob(const_cast<float*>(xy.data()), {int64_t(xy.size() / 2), 2});
    const IdealField exact = idealField(data, gridNodes(r.grid), kSigma);
    const auto n = int64_t(r.dx.size());
    auto learned = torch::stack({torch::from_blob(const_cast<float*>(r.dx.data()), {n}),
                                 torch::from_blob(const_cast<float*>(r.dy.data()), {n})},
                                1);
    return fieldFitR2(learned, exact.rMinusX, exact.logDensity);
}

// The fit score per frame (the learned field on the grid, R²) and one plot
// frame: the first with a new training set, then a steady one.
void frameFigures(const QString& csv, const std::vector<float>& xy, int repeats, QJsonObject* row) {
    FieldConfig c;
    c.data.kind = Toy2DKind::Csv;
    c.data.csvPath = csv.toStdString();
    FieldTrainer trainer(c);
    trainer.train(10);
    FieldResult result;
    (*row)["fit_score_ms"] = medianMs(repeats, [&] { result = trainer.evaluate(); });
    (*row)["fit_r2"] = result.r2;
    if (xy.size() / 2 <= 100000) (*row)["fit_r2_direct"] = directFitR2(result, xy);
    const FieldViewData view = toViewData(result, xy);
    FieldPlot plot;
    plot.resize(900, 700);
    QElapsedTimer clock;
    clock.start();
    plot.setFieldData(view);
    plot.toPixmap(900, 700);
    (*row)["first_frame_ms"] = double(clock.nsecsElapsed()) / 1e6;
    (*row)["frame_ms"] = medianMs(repeats, [&] {
        plot.setFieldData(view);
        plot.toPixmap(900, 700);
    });
    (*row)["drawn_points"] = plot.drawnPointCount();
}

} // namespace

bool runScaling(const QString& program, const QString& dir, const ScaleSettings& s,
                const QString& machine, QJsonArray* rows, QString* error) {
    for (int64_t n : s.sizes) {
        QJsonObject row{{"points", double(n)}};
        const QString out = dir + "/field-" + QString::number(n);
        if (!fieldRun(program, out, n, &row, error)) return false;
        const QString csv = out + "/data.csv";
        std::vector<float> xy;
        row["csv_load_ms"] = medianMs(s.repeats, [&] { xy = readPointsCsv(csv.toStdString()); });
        idealFieldFigures(xy, s.repeats, &row);
        frameFigures(csv, xy, s.repeats, &row);
        rows->append(row);
        printScaling({row});
    }
    return writeScalingPlot(*rows, dir + "/scaling.png",
                            "aelab bench --scale: cost against training points, " + machine, error);
}

void printScaling(const QJsonArray& rows) {
    QTextStream out(stdout);
    static const char* keys[] = {
        "points",   "csv_load_ms",    "ideal_field_ms",        "fit_score_ms",
        "frame_ms", "peak_memory_mb", "max_log_density_error", "max_field_error_relative",
        "fit_r2",   "fit_r2_direct"};
    for (const QJsonValue& v : rows) {
        QStringList cells;
        for (const char* k : keys)
            cells << QStringLiteral("%1 %2").arg(k).arg(v[k].toDouble(), 0, 'g', 4);
        out << cells.join("  ") << "\n";
    }
}

} // namespace aelab
