#pragma once
// The PyTorch peer of `aelab bench --peer`: bench/peer_pytorch.py runs the
// field lab's training loop and an ACAI step in PyTorch from Python, on the
// same LibTorch. Called once per repeat, between our own runs, so both see
// the same machine (a shared 2-core machine's speed drifts by 20% within
// minutes).
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

namespace aelab {

class BenchPeer {
  public:
    // Finds the script and the Python, and writes the peer's training data.
    // False with *error set when the peer cannot run.
    bool prepare(const QString& python, QString* error);
    // How the peer's process is set up. Default: as a user of Debian's
    // python3-torch gets it, OpenBLAS choosing its own kernel and thread pool
    // (OPENBLAS_CORETYPE and OPENBLAS_NUM_THREADS removed). KernelMatched:
    // the kernel and BLAS thread count aelab runs with, so the ratio is our
    // framework's overhead against Python's alone.
    enum class Setup { Default, KernelMatched };
    // One run of `seconds` per workload; the peer's JSON object, or false.
    bool run(double seconds, Setup setup, QJsonObject* result, QString* error);

  private:
    QString python_, script_;
    QTemporaryDir data_;
};

} // namespace aelab
