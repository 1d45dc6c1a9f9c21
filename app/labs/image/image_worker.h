#pragma once
// The image lab's worker: owns the data, the image DAE trainer and the
// sampling chains on its own thread. The GUI queues requests; a timer runs
// bursts of training and chain steps and emits snapshots by value at most
// every ~60 ms. Loading a data set runs on this thread too, so the window
// stays live while MNIST parses.
#include "core/image/image_dae_config.h"
#include "app/labs/image/image_snapshot.h"
#include "app/labkit/escaped_failure.h"

#include <QElapsedTimer>
#include <QObject>
#include <QVariantMap>
#include <memory>

class QTimer;

namespace aelab {

enum class ChainStart { UniformNoise, CorruptedTest };
enum class ChainInjection { TrainingCorruption, Gaussian, None };

class ImageWorker : public QObject, public EscapedFailureSink {
    Q_OBJECT
  public:
    // What escaped one of its slots: it stops, and failed() says why.
    void escapedFailure(const QString& what) override;
    ImageWorker();
    ~ImageWorker() override;

  public slots:
    void loadData(const QString& spec);
    // Rebuilds the network from config (architecture, width, loss, seed).
    void resetModel(const aelab::ImageDaeConfig& config);
    // Noise, learning rate and batch, applied live.
    void applyLive(const aelab::ImageDaeConfig& config);
    void setTraining(bool on);
    void restartChains(int count, int start);
    // Chains from the given images (another model's samples, resized to the
    // data's shape): the DAE refines them, and the score at step 0 is kept.
    void refineImages(const QVector<QImage>& images, const QString& from);
    void setChainsPlaying(bool on);
    void stepChains();
    void setInjection(int mode, double s);
    void setChainSpeed(double stepsPerSecond);
    void setPreviewNoise(const QString& spec); // the noise preview follows the sliders
    void requestGalleryPage(int page, bool testSplit, int perPage);
    void shutdown();
    // Sessions: the trained models' states by part name, and putting them
    // back into models built with the same settings (call after the data
    // and the models are set up). Failures are reported, nothing crashes.
    QVariantMap checkpoints();
    void restoreCheckpoints(const QVariantMap& parts);
    // Replaces the model with a model file (the model zoo's) trained on the
    // data loaded now; `name` and `request` come back with modelOpened.
    void openModel(const QString& file, const QString& name, int request);

  signals:
    void snapshot(const ImageSnapshot& s);
    void dataLoaded(const QString& description, const QStringList& skipped);
    void galleryPage(int page, int total, const QVector<QImage>& images,
                     const QStringList& captions);
    void failed(const QString& message);
    void busy(const QString& what); // empty when done
    // openModel replaced the model: its settings, for the panel.
    void modelOpened(const aelab::ImageDaeConfig& config, const QString& name, int request);

  private:
    void tick();
    void beginModel();
    void publish(bool force);
    void ensureTimer();

    struct State;
    std::unique_ptr<State> d;
    QTimer* timer_ = nullptr;
    QElapsedTimer sincePublish_;
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::ImageDaeConfig)
