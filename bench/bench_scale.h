#pragma once
// `aelab bench --scale`: the field lab's costs at 10^3 to 10^6 training
// points (docs/performance.md, "Scaling"): loading the CSV, the ideal field
// and its accuracy against the direct sum, the fit score, one plot frame and
// the peak memory of a whole `aelab field` run.
#include <QJsonArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace aelab {

struct ScaleSettings {
    std::vector<int64_t> sizes{1000, 10000, 100000, 1000000};
    int repeats = 3; // each time is the median of this many
};

// Runs `program field` per size in dir, measures, writes dir/scaling.png (a
// log-log plot of cost against N, titled with machine). The rows for bench.json, or false with
// *error set.
bool runScaling(const QString& program, const QString& dir, const ScaleSettings& s,
                const QString& machine, QJsonArray* rows, QString* error);

// scaling.png: every cost against N, log-log, under title (scaling_plot.cpp).
bool writeScalingPlot(const QJsonArray& rows, const QString& path, const QString& title,
                      QString* error);

// The rows as a table on standard output.
void printScaling(const QJsonArray& rows);

} // namespace aelab
