#pragma once
// Runs the chain lab's sampling chain (docs/references.md §2) on the field
// worker's thread, with the field worker's live model: a lecturer can keep
// training and watch the particles follow the changing field. Requests arrive
// as queued slot calls; ChainSnapshot values leave at most once a frame.
#include "app/labs/chain/chain_snapshot.h"
#include "app/labkit/escaped_failure.h"

#include <QElapsedTimer>
#include <QObject>
#include <atomic>
#include <memory>

class QTimer;

namespace aelab {

class FieldWorker;

class ChainWorker : public QObject, public EscapedFailureSink {
    Q_OBJECT
  public:
    // What escaped one of its slots: it stops, and failed() says why.
    void escapedFailure(const QString& what) override;
    // field must live on the same thread as this worker, and outlive it.
    explicit ChainWorker(FieldWorker* field, QObject* parent = nullptr);
    ~ChainWorker() override;
    void snapshotConsumed() { awaitingGui_ = false; } // thread-safe
    static constexpr int kBurstSize = 150;
    // The energy distance's stated subsample: every k-th particle, at most
    // this many, against at most kDistanceData points of the data (every
    // k-th, core/metrics/sample_distance.h): a million particles cost what a
    // thousand do.
    static constexpr int kDistanceParticles = 1000;
    static constexpr int kDistanceData = 2000;

  public slots:
    void restartUniform(int particles, quint64 seed); // uniform over the plot's box
    void startFrom(const QVector<QPointF>& points);   // e.g. a file of points
    void addBurst(const QPointF& at);                 // kBurstSize particles around at
    void setPlaying(bool playing);
    void stepOnce();
    void setStepsPerSecond(double rate);
    // Annealed sampling (docs/references.md §5) with the field lab's
    // noise-conditional model: kind is an aelab::AnnealKind; particles start
    // from the prior over the training set. Fails (signal) for a one-sigma model.
    void startAnnealing(int kind, int particles, int stepsPerLevel, quint64 seed);
    void setInjection(double s);       // 0: x <- r(x); s > 0: x <- r(x + eta)
    void setIdealDenoiser(bool ideal); // exact r* instead of the network
    void setBasinsEnabled(bool on);
    // Contours of the particles' density over the data's (about 6 a second).
    void setContoursEnabled(bool on);
    void shutdown();

  signals:
    void chainReady(const ChainSnapshot& snapshot);
    void playingChanged(bool playing);
    void failed(const QString& message);

  private:
    struct State;
    void tick();
    bool ensureChain();
    void runSteps(int n);
    void publish(bool force);
    void maybeBasins();
    void maybeDensity(bool force);

    FieldWorker* field_;
    std::unique_ptr<State> d;
    QTimer* timer_ = nullptr;
    QElapsedTimer clock_;
    bool playing_ = false;
    double stepsPerSecond_ = 10, credit_ = 0;
    qint64 lastTickMs_ = 0;
    BasinViewData basins_;
    bool basinsFresh_ = false;
    DensityViewData density_;
    bool densityFresh_ = false;
    std::atomic<bool> awaitingGui_{false};
};

} // namespace aelab
