#include "bench/bench_peer.h"
#include "core/training/blas_kernel.h"
#include "bench/bench_probes.h"
#include "core/training/torch_threads.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

namespace aelab {

namespace {
// The peer script: beside the sources in a build tree, or installed.
QString findPeerScript() {
    const QString app = QCoreApplication::applicationDirPath();
    for (const QString& p : {QStringLiteral(AELAB_SOURCE_DIR "/bench/peer_pytorch.py"),
                             app + "/../share/aelab/peer_pytorch.py"})
        if (QFileInfo::exists(p)) return p;
    return {};
}
} // namespace

bool BenchPeer::prepare(const QString& python, QString* error) {
    python_ = QStandardPaths::findExecutable(python);
    if (python_.isEmpty()) {
        *error = "cannot find " + python + " for --peer (install python3-torch, or pass --python)";
        return false;
    }
    script_ = findPeerScript();
    if (script_.isEmpty()) {
        *error = "bench/peer_pytorch.py not found beside the sources or the install";
        return false;
    }
    if (!data_.isValid()) {
        *error = "cannot create a temporary folder for the peer's data";
        return false;
    }
    return writePeerData(data_.path(), error);
}

bool BenchPeer::run(double seconds, Setup setup, QJsonObject* result, QString* error) {
    QProcess peer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("OPENBLAS_CORETYPE");
    env.remove("OPENBLAS_NUM_THREADS");
    env.remove("AELAB_BLAS_CHOSEN");
    if (setup == Setup::KernelMatched) {
        // Left at its default OpenBLAS's pool spins idle threads, which slows
        // small matrix products by a quarter; ours has one thread.
        env.insert("OPENBLAS_NUM_THREADS", QString::number(aelab::torchThreads()));
        const std::string kernel = aelab::blasInfo().kernel;
        if (!kernel.empty()) env.insert("OPENBLAS_CORETYPE", QString::fromStdString(kernel));
    }
    peer.setProcessEnvironment(env);
    peer.start(python_, {script_, "--data", data_.path(), "--threads",
                         QString::number(aelab::torchThreads()), "--seconds",
                         QString::number(seconds), "--repeats", "1"});
    if (!peer.waitForStarted(10000)) {
        *error = "cannot start " + python_ + " (install python3-torch, or pass --python)";
        return false;
    }
    peer.waitForFinished(-1);
    const QJsonDocument doc = QJsonDocument::fromJson(peer.readAllStandardOutput());
    if (peer.exitCode() != 0 || !doc.isObject()) {
        const QString err = QString::fromUtf8(peer.readAllStandardError()).trimmed();
        *error =
            "the PyTorch peer failed: " + err.section('\n', -1) + " (is python3-torch installed?)";
        return false;
    }
    *result = doc.object();
    return true;
}

} // namespace aelab
