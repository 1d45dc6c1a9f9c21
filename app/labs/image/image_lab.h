#pragma once
// The image lab: the image DAE trained live on MNIST, Fashion-MNIST, lines or
// the user's images, with the noise preview (clean, corrupted, reconstructed),
// loss curves, a grid of sampling chains with their score, and a gallery of
// the data. The worker runs on its own thread; snapshots cross by value.
#include "app/labs/image/image_snapshot.h"
#include "app/labkit/lab_thread.h"

#include <QVariantMap>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace aelab {

class LabFrame;

class ImageControls;
class ImageGallery;
class ImageGridView;
class ImageWorker;
class LossChart;

class ImageLab : public QWidget {
    Q_OBJECT
  public:
    explicit ImageLab(QWidget* parent = nullptr);
    ~ImageLab() override;

    ImageControls* controls() const { return controls_; }
    ImageGridView* previewView() const { return preview_; }
    ImageGridView* samplesView() const { return samples_; }
    ImageGallery* gallery() const { return gallery_; }
    LossChart* lossChart() const { return chart_; }
    const ImageSnapshot& lastSnapshot() const { return last_; }
    QString dataDescription() const { return description_; }
    QLabel* statusLabel() const { return status_; } // the data, and the pretrained badge
    // The view in front, for export and the recorder.
    QWidget* currentView() const;

    void loadData(const QString& spec);
    void toggleTraining();
    // Refines another model's samples with this lab's DAE: chains start from
    // them and play.
    void refineFrom(const QVector<QImage>& samples, const QString& from);
    void setPresentation(bool on);
    LabFrame* frame() const { return frame_; } // its layout, folded for a projector
    // Sessions: the trained models by part name (waits for the worker's
    // current burst), and putting them back once data and models are set up.
    QVariantMap modelStates() const;
    void restoreModelStates(const QVariantMap& parts);
    // Opens the model zoo's image DAE by name (docs/model-zoo.md), loading its
    // data first; false with *error set when it is not in the zoo or not this
    // lab's (image_pretrained.cpp).
    bool openPretrained(const QStringList& names, QString* error);

  signals:
    void errorOccurred(const QString& text);
    // What the lab is busy with for more than a moment (loading data), or
    // empty when done: the main window shows a progress bar meanwhile.
    void busyChanged(const QString& what);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    LabFrame* frame_ = nullptr;
    void onSnapshot(const ImageSnapshot& s);
    void showError(const QString& text);
    void chooseFolder();
    void offerPretrained();
    void forgetPretrained();
    void showStatus(); // the data, and the pretrained badge

    LabThread thread_;
    ImageWorker* worker_;
    ImageControls* controls_;
    ImageGridView* preview_;
    ImageGridView* samples_;
    ImageGallery* gallery_;
    LossChart* chart_;
    QTabWidget* views_;
    QLabel* banner_;
    QLabel* status_;
    ImageSnapshot last_;
    QString description_;
    quint64 modelId_ = 0;
    int trainSeries_ = 0, testSeries_ = 0;
    bool started_ = false;
    // The zoo's model in the lab: its name (empty: trained here) and steps.
    // Each open, New model and new data count a request: a reply to an
    // older one is ignored.
    int openRequest_ = 0;
    QString pretrained_;
    long long pretrainedSteps_ = 0;
};

} // namespace aelab
