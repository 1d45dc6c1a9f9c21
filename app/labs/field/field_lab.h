#pragma once
// The field lab: the plot, the loss chart and the controls, wired to a
// FieldWorker that trains on its own thread.
#include "app/labkit/lab_thread.h"
#include "app/labs/field/field_snapshot.h"

#include <QMap>
#include <QWidget>
#include <vector>

class QLabel;
class QSlider;

namespace aelab {

class LabFrame;

class FieldControls;
class FieldPlot;
class FieldWorker;
class LossChart;
class FitBySigmaChart;

class FieldLab : public QWidget {
    Q_OBJECT
  public:
    explicit FieldLab(QWidget* parent = nullptr);
    ~FieldLab() override;

    FieldPlot* plot() const { return plot_; }
    LossChart* lossChart() const { return chart_; }
    FitBySigmaChart* fitChart() const { return fitChart_; } // noise-conditional models
    FieldControls* controls() const { return controls_; }
    // Lives on this lab's worker thread; the chain lab's worker, which reads
    // its model, is adopted onto the same thread.
    FieldWorker* fieldWorker() const { return worker_; }
    LabThread& workerThread() { return thread_; }
    const FieldSnapshot& lastSnapshot() const { return last_; }
    // How many snapshots have been drawn (tests wait on it).
    int framesDrawn() const { return frames_; }
    // GUI-thread milliseconds of the most recent frames (up to 512): taking
    // a snapshot, replotting the field and the loss chart, painting the
    // field. The benchmark's frame_ms figures.
    const std::vector<double>& recentFrameMs() const { return frameMs_; }

    void setPlaying(bool on);
    void togglePlaying();
    void stepOnce();
    void reset(bool newSeed);
    void loadCsv(const QString& path);
    void setPresentation(bool on);
    bool isPlaying() const { return playing_; }
    // A noise-conditional model's field at four levels, as one PNG; false
    // with error for a single-sigma model or a failed write.
    bool exportLevels(const QString& path, QString* error) const;
    // A lesson's clean start: out of paint mode, no painted points, the
    // whole box in view.
    void cleanSlate();
    LabFrame* frame() const { return frame_; } // its layout, folded for a projector

    // Sessions: the model as a checkpoint archive (waits for the worker's
    // current frame), the loss history, and putting both back.
    QByteArray modelBytes() const;
    QVector<QPointF> lossHistory() const;
    void restoreModel(const QByteArray& bytes, const QVector<QPointF>& lossHistory);
    // The timeline's snapshots for a session (up to kSessionSnapshots,
    // evenly spread), and putting them back after restoreModel.
    static constexpr int kSessionSnapshots = 24;
    QMap<qint64, QByteArray> timelineArchive() const;
    void restoreTimeline(const QMap<qint64, QByteArray>& kept);
    // The training timeline: one slider position per kept weight snapshot.
    QSlider* timelineSlider() const { return timeline_; }

  signals:
    void message(const QString& text, int timeoutMs);
    void errorOccurred(const QString& text);
    void playingChanged(bool playing);

  private:
    LabFrame* frame_ = nullptr;
    void onSnapshot(const FieldSnapshot& snapshot);
    void chooseCsv();
    void addFrameWork(double ms);
    QWidget* buildTimeline();
    void showTimeline(const FieldSnapshot& s);

    LabThread thread_;
    FieldWorker* worker_ = nullptr;
    FieldPlot* plot_ = nullptr;
    LossChart* chart_ = nullptr;
    FitBySigmaChart* fitChart_ = nullptr;
    void showConditional(const FieldSnapshot& s);
    FieldControls* controls_ = nullptr;
    QLabel* banner_ = nullptr;
    QSlider* timeline_ = nullptr;
    QLabel* timelineLabel_ = nullptr;
    QLabel* timelineTitle_ = nullptr;
    QVector<qint64> timelineSteps_;
    QVector<QPointF> pendingHistory_; // a restored session's losses, for its first frame
    FieldSnapshot last_;
    double frameWork_ = -1; // ms so far of the frame being drawn; -1: none
    std::vector<double> frameMs_;
    int frames_ = 0;
    int lossSeries_ = 0;
    bool playing_ = false;
};

} // namespace aelab
