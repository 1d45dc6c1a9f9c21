#pragma once
// The interpolation lab: trains ACAI and its baselines live, lets the user
// pick two images (gallery clicks or image files), scrub alpha from 0 to 1
// with a slider, and read the critic's estimate beside each frame; contrast
// rows show the pixel cross-fade, another trained model and, on lines, the
// true rotation; the lines benchmark scores the model live.
#include "app/labs/interp/interp_snapshot.h"
#include "app/labkit/lab_thread.h"

#include <QImage>
#include <QJsonObject>
#include <QMap>
#include <QVariantMap>
#include <QWidget>

class QLabel;
class QSlider;
class QSplitter;

namespace aelab {

class LabFrame;

class AlphaChart;
class ImageGallery;
class ImageGridView;
class InterpControls;
class InterpWorker;
class LossChart;

class InterpLab : public QWidget {
    Q_OBJECT
  public:
    explicit InterpLab(QWidget* parent = nullptr);
    ~InterpLab() override;

    InterpControls* controls() const { return controls_; }
    ImageGallery* gallery() const { return gallery_; }
    ImageGridView* stripView() const { return strip_; }
    ImageGridView* currentView() const { return current_; }
    ImageGridView* endsView() const { return ends_; }
    QSlider* alphaSlider() const { return slider_; }
    AlphaChart* alphaChart() const { return alphaChart_; }
    LossChart* lossChart() const { return lossChart_; }
    QLabel* scoresLabel() const { return scores_; }
    const InterpSnapshot& lastSnapshot() const { return last_; }
    const InterpSnapshot& framesSnapshot() const { return frames_; } // the latest with frames
    // The view for export and the recorder: the strip with its contrast rows.
    QWidget* exportView() const;

    void loadData(const QString& spec);
    void toggleTraining();
    // which: 0 = A, 1 = B; from the image file at path.
    void openImage(int which, const QString& path);
    void saveModel(const QString& path);
    void loadModel(const QString& path);
    void setPresentation(bool on);
    // Lines: back to the run's best model (paused), and how often the run
    // is scored for it (1,000 steps; tests shorten it).
    void backToBest();
    void setBestEvery(long long steps);
    // Opens zoo models by name (docs/model-zoo.md), in order: the last
    // becomes the active model, the one before it (if any) the comparison
    // row. False with why when one is not in the zoo; nothing is opened then.
    bool openPretrained(const QStringList& names, QString* error);
    QLabel* pretrainedLabel() const { return pretrained_; } // the badge
    LabFrame* frame() const { return frame_; }              // its layout, folded for a projector
    // Sessions: the trained models by part name (waits for the worker's
    // current burst), and putting them back once data and models are set up.
    QVariantMap modelStates() const;
    // Sessions: the chosen pair (data indices, or the user's images) and α.
    QJsonObject viewState() const;
    void restoreViewState(const QJsonObject& state);
    void restoreModelStates(const QVariantMap& parts);

  signals:
    void errorOccurred(const QString& text);
    // What the lab is busy with for more than a moment (loading data), or
    // empty when done: the main window shows a progress bar meanwhile.
    void busyChanged(const QString& what);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    LabFrame* frame_ = nullptr;
    QWidget* buildScrubPanel();
    void connectControls();
    void onSnapshot(const InterpSnapshot& s);
    void showFrame(int k);
    void showStrip();
    void showError(const QString& text);
    void offerPretrained(); // the zoo's models in the controls' menu
    void notePretrainedLoaded(int model);
    void showPretrainedBadge(const InterpSnapshot& s);

    LabThread thread_;
    InterpWorker* worker_;
    InterpControls* controls_;
    ImageGallery* gallery_;
    ImageGridView* ends_;
    ImageGridView* current_;
    ImageGridView* strip_;
    QSlider* slider_;
    QLabel* alphaLabel_;
    QSplitter* split_ = nullptr;
    QWidget* pickRow_ = nullptr; // the open-image buttons
    QLabel* nextEnd_;
    QLabel* scores_;
    QLabel* banner_;
    QLabel* status_;
    AlphaChart* alphaChart_;
    LossChart* lossChart_;
    InterpSnapshot last_;   // the latest snapshot
    InterpSnapshot frames_; // the latest one with frames
    InterpSnapshot scored_; // the latest one with benchmark scores
    quint64 modelId_ = 0;
    int aeSeries_ = 0, criticSeries_ = 0, testSeries_ = 0;
    int nextWhich_ = 0; // the end the next gallery click sets
    struct End {        // how an end of the pair was chosen, for sessions
        int index = -1; // in the data; -1: an image of the user's, or none
        bool test = false;
        QImage image;
    };
    End chosen_[2];
    bool started_ = false;
    // Models opened from the zoo, by aelab::InterpModel: the badge's name and
    // steps. A model rebuilt or loaded from a file loses its entry.
    struct Pretrained {
        QString name;
        long long steps = 0;
    };
    QMap<int, Pretrained> pretrainedModels_;
    QList<Pretrained> pendingPretrained_; // posted to the worker, not loaded yet
    QLabel* pretrained_ = nullptr;
};

} // namespace aelab
