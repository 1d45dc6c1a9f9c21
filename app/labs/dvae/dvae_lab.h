#pragma once
// The DVAE lab: two VAE-family models trained side by side on the same data
// and budget (VAE against DVAE by default), with their bounds and test NLL on
// one chart, samples from the prior, reconstructions from clean and corrupted
// input, and a 2D view of the codes coloured by class. Samples can go to the
// image lab, whose DAE refines them.
#include "app/labs/dvae/dvae_snapshot.h"
#include "core/vae/vae_config.h"
#include "app/labkit/lab_thread.h"

#include <QVariantMap>
#include <QWidget>

class QLabel;

namespace aelab {

class LabFrame;

class DvaeControls;
class DvaeWorker;
class ImageGridView;
class LatentScatter;
class LossChart;

class DvaeLab : public QWidget {
    Q_OBJECT
  public:
    explicit DvaeLab(QWidget* parent = nullptr);
    ~DvaeLab() override;

    DvaeControls* controls() const { return controls_; }
    ImageGridView* samplesView(int slot) const { return samples_[slot]; }
    ImageGridView* reconView(int slot) const { return recon_[slot]; }
    LatentScatter* latentView(int slot) const { return latent_[slot]; }
    LossChart* chart() const { return chart_; }
    QLabel* nllLabel() const { return nll_; }
    QLabel* titleLabel(int slot) const { return titles_[slot]; }
    const DvaeSnapshot& lastSnapshot() const { return last_; }
    QWidget* exportView() const; // for export and the recorder

    void loadData(const QString& spec);
    void toggleTraining();
    void estimateNll(int k);
    void setPresentation(bool on);
    LabFrame* frame() const { return frame_; } // its layout, folded for a projector
    // Sessions: the trained models by part name (waits for the worker's
    // current burst), and putting them back once data and models are set up.
    QVariantMap modelStates() const;
    void restoreModelStates(const QVariantMap& parts);
    // Opens the model zoo's models by name, A's then B's (docs/model-zoo.md),
    // loading their data first; false with *error set when one is not in
    // the zoo or not the DVAE lab's (dvae_pretrained.cpp).
    bool openPretrained(const QStringList& names, QString* error);

  signals:
    void errorOccurred(const QString& text);
    // What the lab is busy with for more than a moment (loading data), or
    // empty when done: the main window shows a progress bar meanwhile.
    void busyChanged(const QString& what);
    // 64 samples of one model, to be refined by the image lab's DAE.
    void refineRequested(const QVector<QImage>& samples, const QString& from);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    QString slotTitle(int slot, const DvaeSlotView& view) const;
    QString pretrainedBadge(int slot, const DvaeSlotView& view) const;
    void forgetPretrained();
    void offerPretrained();
    void notePretrainedOpened(const aelab::VaeConfig& a, const aelab::VaeConfig& b,
                              const QStringList& names, int request);
    void drawPretrainedCurves();
    LabFrame* frame_ = nullptr;
    void onSnapshot(const DvaeSnapshot& s);
    void showError(const QString& text);

    LabThread thread_;
    DvaeWorker* worker_;
    DvaeControls* controls_;
    QLabel* titles_[kDvaeSlots];
    ImageGridView* samples_[kDvaeSlots];
    ImageGridView* recon_[kDvaeSlots];
    LatentScatter* latent_[kDvaeSlots];
    LossChart* chart_;
    QLabel* banner_;
    QLabel* status_;
    QLabel* nll_;
    QWidget* views_;
    QStringList classNames_;
    DvaeSnapshot last_;
    quint64 modelId_ = 0;
    int series_[kDvaeSlots][3] = {};
    int refineSlot_ = 0;
    bool started_ = false;
    // The zoo's models in the slots: their names (empty: trained here), and
    // the epochs they came with (-1 until the first snapshot shows them).
    // Each open, New models and new data count a request: a reply to an
    // older one is ignored.
    int openRequest_ = 0;
    QString pretrained_[kDvaeSlots];
    double pretrainedEpochs_[kDvaeSlots] = {};
    // Their runs' live figures (the zoo's curve), drawn with their snapshot.
    QVector<QPointF> pendingNll_[kDvaeSlots], pendingElbo_[kDvaeSlots];
    bool curvesPending_ = false;
};

} // namespace aelab
