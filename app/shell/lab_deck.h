#pragma once
// The labs as one deck, for what acts on all of them alike: sessions,
// lessons and undo read and set each lab's named controls (panel_state.h),
// hide some from students, and start or rebuild a lab through its entry.
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <functional>

class QTabWidget;
class QWidget;

namespace aelab {

struct LabEntry {
    QString key; // in files: "field", "chain", "image", "interpolation", "dvae"
    QWidget* lab = nullptr;
    QWidget* panel = nullptr;             // holds the named controls
    std::function<void()> rebuild;        // a new model from the controls and seed
    std::function<void(bool)> setRunning; // training, or the chain in the chain lab
    std::function<long long()> progress;  // steps so far, for tests and status
    // Sessions: the lab's trained models by part name, and restoring them
    // (after its controls are set and rebuild() ran). Empty: none to keep.
    std::function<QVariantMap()> saveModels;
    std::function<void(const QVariantMap&)> restoreModels;
    // Controls presentation mode hides: the network's shape and the
    // optimiser's details, which a lecture rarely touches.
    QStringList advanced;
};

class LabDeck : public QObject {
    Q_OBJECT
  public:
    explicit LabDeck(QTabWidget* tabs, QObject* parent = nullptr);

    void add(const LabEntry& entry);
    const QList<LabEntry>& labs() const { return labs_; }
    const LabEntry* find(const QString& key) const;
    QString currentKey() const;
    bool show(const QString& key); // brings the lab to the front

    // {lab key: {control: value}} of every lab.
    QJsonObject setups() const;
    // Sets the given labs' controls as a user would; returns "lab/control"
    // for each value it could not apply. applying() is true meanwhile.
    QStringList applySetups(const QJsonObject& setups);
    bool applying() const { return applying_ > 0; }

    // Hides the named controls of each lab (a lesson's), shows all others.
    void setHidden(const QMap<QString, QStringList>& hidden);
    const QMap<QString, QStringList>& hidden() const { return hidden_; }
    // Presentation mode: the advanced controls hide too (besides a lesson's).
    void setPresenting(bool on);

  signals:
    // After a control edit by the user (not by applySetups).
    void controlsEdited(const QString& key);

  private:
    QTabWidget* tabs_;
    QList<LabEntry> labs_;
    QMap<QString, QStringList> hidden_;
    int applying_ = 0;
    bool presenting_ = false;
    void showControls();
};

} // namespace aelab
