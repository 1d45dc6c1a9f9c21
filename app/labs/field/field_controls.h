#pragma once
// The field lab's side panel: data, noise, network, optimiser, run and view
// controls, plus the readouts. It edits a FieldConfig and says when an edit
// needs a new network (those apply on reset and are marked with ⟳).
#include "app/labs/field/field_snapshot.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

class QAbstractButton;

namespace aelab {

class FieldControls : public QWidget {
    Q_OBJECT
  public:
    explicit FieldControls(QWidget* parent = nullptr);
    // The buttons presentation mode's strip repeats (play, step, reset...).
    const QList<QAbstractButton*>& transport() const { return transport_; }
    // The field fit readout (tests read what it shows).
    const QLabel* fitReadout() const { return readR2_; }

    aelab::FieldConfig config() const { return config_; }
    void setConfig(const aelab::FieldConfig& config);
    // The config of the network now training, to flag pending [net] edits.
    void setRunningConfig(const aelab::FieldConfig& config);
    void showSnapshot(const FieldSnapshot& snapshot);
    void setPlaying(bool playing);
    void setPaintedPoints(const QVector<QPointF>& points);
    void endPainting(); // leaves paint mode
    int stepsPerFrame() const;
    void setPresentation(bool on);

  signals:
    void configEdited(const aelab::FieldConfig& config); // live settings changed
    void playToggled(bool play);
    void stepRequested();
    void resetRequested(bool newSeed);
    void speedChanged(int stepsPerFrame);
    void layersChanged(bool data, bool learned, bool ideal, int heatMap);
    void paintModeToggled(bool on);
    void clearPaintedRequested();
    void loadCsvRequested();

  private:
    QList<QAbstractButton*> transport_;
    QWidget* buildDataGroup();
    QWidget* buildModelGroup();
    QWidget* buildConditionalGroup(); // field_controls_conditional.cpp
    void writeConditional();
    bool readConditional(aelab::FieldConfig& c);
    void enableRange(bool on);
    QWidget* buildRunGroup();
    QWidget* buildViewGroup();
    void readWidgets();
    void writeWidgets();
    void updatePendingNote();

    aelab::FieldConfig config_, running_;
    bool updating_ = false;
    QComboBox* dataset_ = nullptr;
    QSpinBox* points_ = nullptr;
    QPushButton* loadCsv_ = nullptr;
    QPushButton* paint_ = nullptr;
    QPushButton* clearPaint_ = nullptr;
    QDoubleSpinBox* sigma_ = nullptr;
    QSlider* sigmaSlider_ = nullptr;
    QSpinBox* width_ = nullptr;
    QSpinBox* depth_ = nullptr;
    QComboBox* activation_ = nullptr;
    QComboBox* loss_ = nullptr;
    QComboBox* model_ = nullptr;
    QDoubleSpinBox* sigmaLow_ = nullptr;
    QDoubleSpinBox* sigmaHigh_ = nullptr;
    QSpinBox* levels_ = nullptr;
    QDoubleSpinBox* lr_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QComboBox* speed_ = nullptr;
    QCheckBox* showData_ = nullptr;
    QCheckBox* showLearned_ = nullptr;
    QCheckBox* showIdeal_ = nullptr;
    QComboBox* heatMap_ = nullptr;
    QPushButton* play_ = nullptr;
    QLabel* pending_ = nullptr;
    QLabel* readStep_ = nullptr;
    QLabel* readLoss_ = nullptr;
    QLabel* readRate_ = nullptr;
    QLabel* readR2_ = nullptr;
};

} // namespace aelab
