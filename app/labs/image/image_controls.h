#pragma once
// The image lab's side panel: data, model, training noise (with the preview
// following the sliders), training, and the sampling chains.
#include "core/image/image_dae_config.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

class QAbstractButton;

namespace aelab {

class ImageControls : public QWidget {
    Q_OBJECT
  public:
    explicit ImageControls(QWidget* parent = nullptr);
    // The buttons presentation mode's strip repeats (play, step, reset...).
    const QList<QAbstractButton*>& transport() const { return transport_; }

    aelab::ImageDaeConfig config() const;
    QString dataSpec() const; // "mnist", "fashion-mnist", "lines" or "folder:PATH"
    QString noiseSpec() const;
    int chainCount() const;
    int chainStart() const;    // ChainStart
    int injectionMode() const; // ChainInjection
    double injectionS() const;
    double chainSpeed() const;
    void setTraining(bool on);
    bool isTraining() const;
    void setChainsPlaying(bool on);
    void showProgress(long long step, double stepsPerSecond, long long chainStep);
    void setPresentation(bool on);
    // As if the user chose it in the data menu.
    void chooseData(const QString& spec);
    // The settings of a model opened from a file, so New model rebuilds it.
    void showConfig(const aelab::ImageDaeConfig& config);
    // The model zoo's models for the "Pretrained model" menu: (name, text).
    void setPretrainedModels(const QList<QPair<QString, QString>>& models);

  signals:
    void dataChosen(const QString& spec);
    void folderRequested();
    void modelResetRequested();
    void pretrainedChosen(const QString& name);
    void liveSettingsChanged();
    void previewNoiseChanged(const QString& spec);
    void trainingToggled(bool on);
    void chainsRestartRequested();
    void chainsPlayToggled(bool on);
    void chainsStepRequested();
    void injectionChanged(int mode, double s);
    void chainSpeedChanged(double stepsPerSecond);

  private:
    QList<QAbstractButton*> transport_;
    QWidget* buildDataGroup();
    void showConfigQuietly(const aelab::ImageDaeConfig& config);
    QWidget* buildModelGroup();
    QWidget* buildNoiseGroup();
    QWidget* buildChainGroup();
    void updateNoiseLabel();

    QComboBox* data_ = nullptr;
    QComboBox* arch_ = nullptr;
    QSpinBox* base_ = nullptr;
    QComboBox* loss_ = nullptr;
    QDoubleSpinBox* lr_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QComboBox* noiseKind_ = nullptr;
    QSlider* noiseLevel_ = nullptr;
    QLabel* noiseLabel_ = nullptr;
    QPushButton* train_ = nullptr;
    QPushButton* pretrained_ = nullptr;
    QLabel* progress_ = nullptr;
    QComboBox* start_ = nullptr;
    QSpinBox* chains_ = nullptr;
    QComboBox* inject_ = nullptr;
    QSlider* injectS_ = nullptr;
    QLabel* injectLabel_ = nullptr;
    QPushButton* play_ = nullptr;
    QPushButton* step_ = nullptr;
    QSpinBox* speed_ = nullptr;
};

} // namespace aelab
