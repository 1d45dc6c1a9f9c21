#pragma once
// Undo and redo of hyperparameter edits in every lab: each edit of a named
// control is a step on a QUndoStack holding the lab's controls before and
// after. Successive edits of one control (typing in a box, dragging a
// slider) merge into one step.
#include <QJsonObject>
#include <QMap>
#include <QObject>

class QUndoStack;

namespace aelab {

class LabDeck;

class SetupHistory : public QObject {
    Q_OBJECT
  public:
    explicit SetupHistory(LabDeck* deck, QObject* parent = nullptr);
    QUndoStack* stack() const { return stack_; }
    // Forgets the history and takes the labs' controls as they are now
    // (after a session or lesson set them).
    void rebase();

  private:
    friend class SetupEdit;
    void onEdited(const QString& key);
    void restore(const QString& key, const QJsonObject& controls);

    LabDeck* deck_;
    QUndoStack* stack_;
    QMap<QString, QJsonObject> last_; // per lab: the controls as last recorded
};

} // namespace aelab
