#pragma once
// Runs the field lab's training on its own thread. Requests arrive as queued
// slot calls; results leave as FieldSnapshot values at most once a frame, and
// only when the GUI has taken the previous one (stale frames are dropped,
// training never waits for the screen).
#include "app/labs/field/field_snapshot.h"
#include "app/labkit/escaped_failure.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <atomic>
#include <deque>
#include <memory>
#include <string>
#include <vector>

class QTimer;

namespace aelab {

class FieldTrainer;

class FieldWorker : public QObject, public EscapedFailureSink {
    Q_OBJECT
  public:
    // What escaped one of its slots: it stops, and failed() says why.
    void escapedFailure(const QString& what) override;
    explicit FieldWorker(QObject* parent = nullptr);
    ~FieldWorker() override;

    // Thread-safe: the GUI calls this once it has drawn a snapshot.
    void snapshotConsumed() { awaitingGui_ = false; }
    static constexpr int kFrameMs = 30;
    // For the chain worker, which lives on the same thread: the current
    // model (null before the first reset) and a counter that changes
    // whenever the training set does.
    aelab::FieldTrainer* trainer() const { return trainer_.get(); }
    quint64 dataRevision() const { return dataRevision_; }

  public slots:
    void reset(const aelab::FieldConfig& config);         // new data, network, optimiser
    void applySettings(const aelab::FieldConfig& config); // live settings only
    void setPlaying(bool playing);
    void stepOnce();
    // Training steps per frame; 0 means as fast as possible.
    void setStepsPerFrame(int steps);
    void shutdown(); // stops the timer; call before quitting the thread
    // The model as a checkpoint archive (empty before the first reset), for
    // sessions. Call blocking-queued from the GUI: it waits for one frame.
    QByteArray checkpoint();
    // The noise-conditional model at four of its levels (levelPanels); empty otherwise.
    QVector<FieldPanel> levelPanels();
    // Replaces the model by a checkpoint, then applies config's live settings
    // (its data included). A new run: charts clear, the timeline restarts.
    void restore(const QByteArray& bytes, const aelab::FieldConfig& config);
    // Sessions: up to `most` of the timeline's snapshots before the live
    // step, evenly spread ({step: checkpoint}); and putting such a set back
    // in front of the live model (after restore()).
    QMap<qint64, QByteArray> timelineArchive(int most) const;
    void restoreTimeline(const QMap<qint64, QByteArray>& kept);
    // Shows timeline snapshot index and pauses (the live state is kept as the
    // last snapshot first). Scrubbing loses nothing; training from an earlier
    // snapshot drops the ones after it.
    void rewind(int index);

  signals:
    void snapshotReady(const FieldSnapshot& snapshot);
    void failed(const QString& message);
    void playingChanged(bool playing);

  private:
    void tick();
    void trainFrame(int steps);
    void publish(bool force);
    void scheduleNext(qint64 frameStartMs);
    void cacheDataPoints();
    void keepTimeline(bool force);
    void startRun();

    std::unique_ptr<aelab::FieldTrainer> trainer_;
    QTimer* timer_ = nullptr;
    QElapsedTimer clock_;
    bool playing_ = false;
    int stepsPerFrame_ = 10;
    quint64 run_ = 0;
    quint64 dataRevision_ = 0;
    double lastLoss_ = 0;
    QVector<QPointF> pendingLosses_;
    QVector<QPointF> dataPoints_; // cached, shared by every snapshot of a run
    std::deque<std::pair<qint64, long long>> rateWindow_; // (ms, step)
    qint64 lastFitMs_ = -100000;                          // when the fit by sigma was last sent
    std::atomic<bool> awaitingGui_{false};
    // The training timeline: checkpoints every timelineEvery_ steps. When
    // kTimelineSize are kept, every other one goes and the spacing doubles,
    // so the whole run stays covered in bounded memory (~300 kB each).
    static constexpr int kTimelineSize = 120;
    std::vector<std::pair<long long, std::string>> timeline_;
    long long timelineEvery_ = 100;
    bool timelineChanged_ = false;
    bool restoring_ = false; // the next run starts from a restored model
    int rewoundTo_ = -1;     // the timeline index shown, -1 at the live end
};

} // namespace aelab
