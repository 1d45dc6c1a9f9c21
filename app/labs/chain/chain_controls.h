#pragma once
// The chain lab's side panel: where particles start, the update rule, the
// playback, the layers, and readouts of the chain and of the model it uses.
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

class ChainControls : public QWidget {
    Q_OBJECT
  public:
    explicit ChainControls(QWidget* parent = nullptr);
    // The buttons presentation mode's strip repeats (play, step, reset...).
    const QList<QAbstractButton*>& transport() const { return transport_; }

    int particles() const;
    double injection() const; // 0 for the plain rule
    // The annealed rule chosen (an aelab::AnnealKind), or -1 for the one-sigma chain.
    int annealKind() const;
    bool idealDenoiser() const;
    // As if the user picked it (emits denoiserChanged).
    void selectDenoiser(bool ideal);
    double stepsPerSecond() const;
    int trailLength() const;
    void setChainPlaying(bool playing);
    void setTrainingPlaying(bool playing);
    void showChain(long long step, int particles, double distance);
    void showModel(long long step, double r2, double sigma);
    void setPresentation(bool on);

  signals:
    void restartRequested();
    void loadStartRequested();
    void burstModeToggled(bool on);
    void ruleChanged(double injection);
    void denoiserChanged(bool ideal);
    void playToggled(bool play);
    void stepRequested();
    void speedChanged(double stepsPerSecond);
    void trainingToggled(bool train);
    void layersChanged(bool data, bool learned, bool ideal, bool basins);
    void trailLengthChanged(int frames);
    void contoursToggled(bool on);

  private:
    QList<QAbstractButton*> transport_;
    QWidget* buildStartGroup();
    QWidget* buildRuleGroup();
    QWidget* buildPlayGroup();
    QWidget* buildViewGroup();
    void emitRule();
    void emitLayers();

    QSpinBox* particles_ = nullptr;
    QCheckBox* burst_ = nullptr;
    QComboBox* rule_ = nullptr;
    QSlider* injectSlider_ = nullptr;
    QLabel* injectLabel_ = nullptr;
    QComboBox* denoiser_ = nullptr;
    QPushButton* play_ = nullptr;
    QPushButton* train_ = nullptr;
    QSlider* speed_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QCheckBox* showData_ = nullptr;
    QCheckBox* showLearned_ = nullptr;
    QCheckBox* showIdeal_ = nullptr;
    QCheckBox* showBasins_ = nullptr;
    QCheckBox* contours_ = nullptr;
    QSpinBox* trail_ = nullptr;
    QLabel* readStep_ = nullptr;
    QLabel* readDistance_ = nullptr;
    QLabel* readModel_ = nullptr;
};

} // namespace aelab
