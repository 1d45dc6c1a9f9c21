#pragma once
// The DVAE lab's worker: owns the data and two VAE-family trainers on its own
// thread, trains them in turns on the same data and budget, and publishes
// their curves, samples, reconstructions and latent views. The test NLL is
// estimated live with a small K on a spread subset, and on request with the
// user's K over the whole test set (with progress).
#include "app/labs/dvae/dvae_snapshot.h"
#include "app/labkit/escaped_failure.h"
#include "core/vae/vae_config.h"

#include <QElapsedTimer>
#include <QObject>
#include <QVariantMap>
#include <memory>

class QTimer;

namespace aelab {

class DvaeWorker : public QObject, public EscapedFailureSink {
    Q_OBJECT
  public:
    // What escaped one of its slots: it stops, and failed() says why.
    void escapedFailure(const QString& what) override;
    DvaeWorker();
    ~DvaeWorker() override;

    static constexpr int kLiveK = aelab::kLiveNllK;           // importance samples of the live NLL
    static constexpr int kLiveImages = aelab::kLiveNllImages; // test images of the live NLL
    static constexpr int kLiveEveryEpochs = 2;                // how often, in epochs

  public slots:
    void loadData(const QString& spec);
    // Rebuilds both models (same data, same seed for both).
    void resetModels(const aelab::VaeConfig& a, const aelab::VaeConfig& b);
    void setTraining(bool on);
    void estimateNll(int k); // both models, whole test set
    // The prior samples of a slot as images, for the image lab's chains.
    void requestSamples(int slot, int count);
    void shutdown();
    // Sessions: the trained models' states by part name, and putting them
    // back into models built with the same settings (call after the data
    // and the models are set up). Failures are reported, nothing crashes.
    QVariantMap checkpoints();
    void restoreCheckpoints(const QVariantMap& parts);
    // Replaces both models with model files (the model zoo's), A's and B's,
    // trained on the data loaded now; `names` and `request` come back with
    // modelsOpened, so the lab can tell which request it answers.
    void openModels(const QStringList& files, const QStringList& names, int request);

  signals:
    void snapshot(const DvaeSnapshot& s);
    void dataLoaded(const QString& description, const QStringList& classNames);
    void nllProgress(int done, int total); // images, over both models
    void nllEstimated(const QString& summary);
    void samplesReady(const QVector<QImage>& images);
    void failed(const QString& message);
    // openModels replaced the models: their settings, for the panel.
    void modelsOpened(const aelab::VaeConfig& a, const aelab::VaeConfig& b,
                      const QStringList& names, int request);

  private:
    void tick();
    void clearCurves();
    void publish(bool force, bool views);
    void liveNll(int slot);

    struct State;
    std::unique_ptr<State> d;
    QTimer* timer_ = nullptr;
    QElapsedTimer sincePublish_, sinceViews_;
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::VaeConfig)
