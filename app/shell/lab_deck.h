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

class QCheckBox;
class QTabWidget;
class QWidget;

namespace aelab {

class LabFrame;

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
    // Whether it trains (or its chain runs) now.
    std::function<bool()> running{};
    LabFrame* frame = nullptr;
    // The controls presentation mode's strip shows when no lesson names any.
    QStringList strip{};
    // A lesson's clean start beyond the named controls (paint mode, zoom).
    std::function<void()> cleanSlate{};
    // Labs that keep running while this one is in front (the chain lab
    // follows the field lab's training).
    QStringList companions{};
    // Sessions: what the lab's views show beyond its controls and models
    // (the interpolation pair and α), and putting it back.
    std::function<QJsonObject()> saveView{};
    std::function<void(const QJsonObject&)> restoreView{};
    // Lessons: opens models of the zoo by name (docs/model-zoo.md); false
    // with why when one is missing.
    std::function<bool(const QStringList&, QString*)> openPretrained{};
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

    // The strip's controls of lab key: the lesson's, or the lab's usual ones.
    void setStrip(const QMap<QString, QStringList>& strip) { strip_ = strip; }
    QStringList stripFor(const QString& key) const;

    // The values every lab's controls had when the deck was built.
    QJsonObject defaultsOf(const QString& key) const { return defaults_.value(key); }
    // Sets each given lab's controls to setups[key] over its defaults, and
    // wipes what a lesson doesn't name (lab_deck: clean start).
    QStringList applyClean(const QJsonObject& setups, const QStringList& labs);

    // Only the lab in front trains: switching labs pauses the others (unless
    // their "keep training in the background" box is ticked, or they are a
    // companion of the lab in front) and resumes the one brought back.
    void followFront();
    void pauseAll();
    QCheckBox* backgroundBox(const QString& key) const { return background_.value(key); }

  signals:
    // After a control edit by the user (not by applySetups).
    void controlsEdited(const QString& key);

  private:
    QTabWidget* tabs_;
    QList<LabEntry> labs_;
    QMap<QString, QStringList> hidden_;
    int applying_ = 0;
    bool presenting_ = false;
    QMap<QString, QStringList> strip_;
    QMap<QString, QJsonObject> defaults_;
    QMap<QString, QCheckBox*> background_;
    QStringList pausedByDeck_; // labs switching away paused, to resume
    void showControls();
};

} // namespace aelab
