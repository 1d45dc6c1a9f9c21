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
    // One run of `seconds` per workload; the peer's JSON object, or false.
    bool run(double seconds, QJsonObject* result, QString* error);

  private:
    QString python_, script_;
    QTemporaryDir data_;
};

} // namespace aelab
