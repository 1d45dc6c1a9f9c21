#pragma once
// The interpolation lab's side panel: data, which autoencoder to train and
// its settings (ACAI's lambda and gamma, the denoising sigma, the VAE's KL
// weight), training, model files, and how to interpolate and compare.
#include "core/interp/interp_config.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

class QAbstractButton;

namespace aelab {

class InterpControls : public QWidget {
    Q_OBJECT
  public:
    explicit InterpControls(QWidget* parent = nullptr);
    // The buttons presentation mode's strip repeats (play, step, reset...).
    const QList<QAbstractButton*>& transport() const { return transport_; }

    aelab::InterpConfig config() const;
    QString dataSpec() const;
    bool spherical() const;
    int compareModel() const; // -1: none
    void setTraining(bool on);
    bool isTraining() const;
    void showProgress(long long step, double stepsPerSecond);
    // Lines: offers going back to the run's best model, at step bestStep,
    // when there is one the model is not at now.
    void showBest(bool available, long long bestStep);
    // Enables the comparison entries of models that have been trained.
    void setTrainedModels(const QVector<int>& models);
    // Shows a loaded model's settings without asking for a rebuild.
    void showConfig(const aelab::InterpConfig& config);
    void chooseData(const QString& spec);
    // Shows spec as the current data without asking for a load (a model file
    // brought its own data).
    void showData(const QString& spec);
    void chooseModel(aelab::InterpModel model);
    void chooseCompare(int model); // -1: none
    void setPresentation(bool on);
    // The zoo's models this lab can open: (name, menu text) pairs, shown
    // in the "Pretrained" menu beside "New model" (docs/model-zoo.md).
    void setPretrainedModels(const QList<QPair<QString, QString>>& models);

  signals:
    void pretrainedChosen(const QString& name); // a zoo model by name
    void dataChosen(const QString& spec);
    void folderRequested();
    void modelChosen();      // switch to the chosen model (built if new)
    void rebuildRequested(); // a new network with these settings and seed
    void liveSettingsChanged();
    void trainingToggled(bool on);
    void saveRequested();
    void loadRequested();
    void bestRequested();        // back to the run's best model
    void interpolationChanged(); // linear/spherical or the comparison model

  private:
    QList<QAbstractButton*> transport_;
    QWidget* buildDataGroup();
    QWidget* buildModelGroup();
    QWidget* buildInterpolationGroup();
    QPushButton* buildPretrainedButton();
    void updateRows();

    QComboBox* data_ = nullptr;
    QComboBox* model_ = nullptr;
    QSpinBox* depth_ = nullptr;
    QDoubleSpinBox* lambda_ = nullptr;
    QDoubleSpinBox* gamma_ = nullptr;
    QDoubleSpinBox* noise_ = nullptr;
    QDoubleSpinBox* kl_ = nullptr;
    QDoubleSpinBox* lr_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QPushButton* train_ = nullptr;
    QLabel* progress_ = nullptr;
    QPushButton* best_ = nullptr;
    QComboBox* path_ = nullptr;
    QComboBox* compare_ = nullptr;
    QWidget* modelGroup_ = nullptr;
    QPushButton* pretrained_ = nullptr;
};

} // namespace aelab
