#pragma once
// The interpolation lab's worker: owns the data and one trainer per model
// (plain, denoising, VAE, ACAI) on its own thread, trains the active one in
// bursts, and publishes the interpolation between the two chosen images at
// most every ~80 ms: the slider's frames decoded in advance, so scrubbing
// never waits for the model. On lines it also scores the active model with
// the benchmark every few seconds.
#include "core/interp/interp_config.h"
#include "app/labs/interp/interp_snapshot.h"
#include "app/labkit/escaped_failure.h"

#include <QElapsedTimer>
#include <QObject>
#include <QVariantMap>
#include <memory>

class QTimer;

namespace aelab {

class InterpWorker : public QObject, public EscapedFailureSink {
    Q_OBJECT
  public:
    // What escaped one of its slots: it stops, and failed() says why.
    void escapedFailure(const QString& what) override;
    InterpWorker();
    ~InterpWorker() override;

    static constexpr int kLivePairs = 32; // benchmark pairs scored live (the verb uses 256)

  public slots:
    void loadData(const QString& spec);
    // Makes config.model the active model, building it from config if it does
    // not exist yet (or rebuild is true).
    void selectModel(const aelab::InterpConfig& config, bool rebuild);
    void applyLive(const aelab::InterpConfig& config);
    void setTraining(bool on);
    void setCompare(int model); // -1: none
    void setSpherical(bool on);
    // which: 0 = A, 1 = B.
    void chooseFromData(int which, int index, bool testSplit);
    void chooseImage(int which, const QImage& image);
    void saveModel(const QString& path);
    void loadModel(const QString& path);
    void requestGalleryPage(int page, bool testSplit, int perPage);
    // Lines: the active model's run is scored on the validation pairs every
    // `steps` steps (default 1,000) and its best model kept; restoreBest
    // goes back to it and pauses (docs/interpolation-lab.md).
    void setBestEvery(long long steps);
    void restoreBest();
    void shutdown();
    // Sessions: the trained models' states by part name, and putting them
    // back into models built with the same settings (call after the data
    // and the models are set up). Failures are reported, nothing crashes.
    QVariantMap checkpoints();
    void restoreCheckpoints(const QVariantMap& parts);

  signals:
    void snapshot(const InterpSnapshot& s);
    void dataLoaded(const QString& description, const QString& spec);
    void galleryPage(int page, int total, const QVector<QImage>& images,
                     const QStringList& captions);
    void modelLoaded(const aelab::InterpConfig& config);
    void failed(const QString& message);
    void busy(const QString& what); // empty when done
    void saved(const QString& path);
    // restoreBest went back to the model of this step and figure.
    void restoredBest(long long step, double figure);

  private:
    void tick();
    void publish(bool force);
    void ensureTimer();
    void framesInto(InterpSnapshot& s);
    void scoreInto(InterpSnapshot& s);
    void keptInto(InterpSnapshot& s);

    struct State;
    std::unique_ptr<State> d;
    QTimer* timer_ = nullptr;
    QElapsedTimer sincePublish_;
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::InterpConfig)
