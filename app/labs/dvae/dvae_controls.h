#pragma once
// The DVAE lab's side panel: data, the two models to compare (kind and input
// corruption each; shared nets and optimiser), training, the likelihood
// estimate and sending samples to the image lab's DAE.
#include "core/vae/vae_config.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

class QAbstractButton;

namespace aelab {

class DvaeControls : public QWidget {
    Q_OBJECT
  public:
    explicit DvaeControls(QWidget* parent = nullptr);
    // The buttons presentation mode's strip repeats (play, step, reset...).
    const QList<QAbstractButton*>& transport() const { return transport_; }

    aelab::VaeConfig config(int slot) const;
    QString dataSpec() const;
    int estimateK() const;
    void setTraining(bool on);
    bool isTraining() const;
    void showProgress(double epochs, double stepsPerSecond);
    void showNllProgress(int done, int total); // total 0 hides the bar
    void chooseData(const QString& spec);
    void setModel(int slot, aelab::VaeModel model);
    // The panel shows the settings of models opened from files (shared
    // settings from A's), so New models rebuilds the same pair.
    void showConfigs(const aelab::VaeConfig& a, const aelab::VaeConfig& b);
    // The model zoo's pairs for the "Pretrained models" menu: the names
    // (A's, B's) and the entry's text.
    void setPretrainedPairs(const QList<QPair<QStringList, QString>>& pairs);

  signals:
    void dataChosen(const QString& spec);
    void folderRequested();
    void resetRequested();
    void trainingToggled(bool on);
    void estimateRequested();
    void refineRequested(int slot);
    void pretrainedChosen(const QStringList& names);

  private:
    QList<QAbstractButton*> transport_;
    QWidget* buildDataGroup();
    QWidget* buildModelsGroup();
    QWidget* buildActionsGroup();

    QComboBox* data_ = nullptr;
    QComboBox* binarize_ = nullptr;
    QSpinBox* trainImages_ = nullptr;
    QCheckBox* authorsNet_ = nullptr;
    QComboBox* model_[2] = {};
    QComboBox* noiseKind_[2] = {};
    QDoubleSpinBox* noiseLevel_[2] = {};
    QSpinBox* k_ = nullptr;
    QComboBox* arch_ = nullptr;
    QSpinBox* hidden_ = nullptr;
    QSpinBox* latent_ = nullptr;
    QDoubleSpinBox* lr_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QPushButton* train_ = nullptr;
    QPushButton* pretrained_ = nullptr;
    QLabel* progress_ = nullptr;
    QSpinBox* estimateK_ = nullptr;
    QProgressBar* nllBar_ = nullptr;
};

} // namespace aelab
