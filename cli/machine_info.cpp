#include "core/training/blas_kernel.h"
#include <torch/version.h>

#include "cli/machine_info.h"

#include <QFile>
#include <QThread>

namespace aelab::cli {

QString cpuModel() {
    QFile f("/proc/cpuinfo");
    if (!f.open(QIODevice::ReadOnly)) return "unknown";
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
    return "unknown";
}

QJsonObject machineJson() {
    const aelab::BlasInfo blas = aelab::blasInfo();
    return QJsonObject{{"cores", QThread::idealThreadCount()},
                       {"cpu", cpuModel()},
                       {"blas", QString::fromStdString(blas.library)},
                       {"blas_kernel", QString::fromStdString(blas.kernel)},
                       {"blas_kernel_chosen_by", QString::fromStdString(blas.how)}};
}

QJsonObject versionsJson() {
    return QJsonObject{{"aelab", AELAB_VERSION}, {"qt", qVersion()}, {"libtorch", TORCH_VERSION}};
}

} // namespace aelab::cli
