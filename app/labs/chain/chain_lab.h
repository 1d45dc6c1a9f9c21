#pragma once
// The chain lab: particles moved by the field lab's model, x <- r(x) or
// x <- r(x + eta) (docs/references.md §2), drawn over the same field plot so
// arrows and particles can be shown together, with a chart of the chain's
// distance to the data. The chain runs in a ChainWorker on the field lab's
// worker thread.
#include "app/labs/chain/chain_snapshot.h"
#include "app/labs/field/field_snapshot.h"

#include <QWidget>

class QLabel;

namespace aelab {

class LabFrame;

class ChainControls;
class ChainWorker;
class FieldLab;
class FieldPlot;
class LossChart;

class ChainLab : public QWidget {
    Q_OBJECT
  public:
    explicit ChainLab(FieldLab* field, QWidget* parent = nullptr);

    FieldPlot* plot() const { return plot_; }
    LossChart* distanceChart() const { return chart_; }
    ChainControls* controls() const { return controls_; }
    ChainWorker* chainWorker() const { return worker_; }
    const ChainSnapshot& lastSnapshot() const { return last_; }
    int framesDrawn() const { return frames_; }

    void togglePlaying();
    bool isPlaying() const { return playing_; }
    void stepOnce();
    void restart();
    void loadStart(const QString& path);
    void setPresentation(bool on);
    LabFrame* frame() const { return frame_; } // its layout, folded for a projector

  signals:
    void errorOccurred(const QString& text);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    LabFrame* frame_ = nullptr;
    void onChain(const ChainSnapshot& s);
    void onField(const FieldSnapshot& s);
    void showError(const QString& text);

    FieldLab* field_;
    ChainWorker* worker_;
    FieldPlot* plot_ = nullptr;
    LossChart* chart_ = nullptr;
    ChainControls* controls_ = nullptr;
    QLabel* banner_ = nullptr;
    ChainSnapshot last_;
    FieldSnapshot lastField_;
    bool fieldStale_ = false;
    bool started_ = false;
    bool playing_ = false;
    int frames_ = 0;
    int series_ = 0, yardstickSeries_ = 0;
    // Annealed rules take this many steps at each noise level (the CLI's default).
    static constexpr int kStepsPerLevel = 10;
    QString chainTitle(const ChainSnapshot& s) const;
    quint64 restarts_ = 0;
};

} // namespace aelab
