#pragma once
// The machine and the software a figure was measured with, as bench.json and
// the model zoo's sidecars record them: a figure from one CPU does not
// transfer to another (docs/performance.md).
#include <QJsonObject>
#include <QString>

namespace aelab::cli {

QString cpuModel(); // /proc/cpuinfo's "model name", or "unknown"
// cores, cpu, blas, blas_kernel, blas_kernel_chosen_by
QJsonObject machineJson();
// aelab, qt, libtorch
QJsonObject versionsJson();

} // namespace aelab::cli
