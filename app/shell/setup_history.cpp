#include "app/shell/setup_history.h"
#include "app/shell/lab_deck.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace aelab {

class SetupEdit : public QUndoCommand {
  public:
    SetupEdit(SetupHistory* history, const QString& key, const QJsonObject& before,
              const QJsonObject& after)
        : history_(history), key_(key), before_(before), after_(after) {
        changed_ = changedNames();
        setText(QObject::tr("%1 in the %2 lab").arg(changed_.join(", "), key));
    }
    void undo() override { history_->restore(key_, before_); }
    void redo() override {
        if (first_) { // the user's own edit: already in place
            first_ = false;
            return;
        }
        history_->restore(key_, after_);
    }
    // A single control edited again merges into the step that edited it.
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override {
        auto* next = static_cast<const SetupEdit*>(other);
        if (next->key_ != key_ || next->changed_ != changed_ || changed_.size() != 1) return false;
        after_ = next->after_;
        return true;
    }

  private:
    QStringList changedNames() const {
        QStringList names;
        for (auto it = after_.begin(); it != after_.end(); ++it)
            if (before_.value(it.key()) != it.value()) names << it.key();
        return names;
    }

    SetupHistory* history_;
    QString key_;
    QJsonObject before_, after_;
    QStringList changed_;
    bool first_ = true;
};

SetupHistory::SetupHistory(LabDeck* deck, QObject* parent)
    : QObject(parent), deck_(deck), stack_(new QUndoStack(this)) {
    connect(deck_, &LabDeck::controlsEdited, this, &SetupHistory::onEdited);
    rebase();
}

void SetupHistory::rebase() {
    stack_->clear();
    const QJsonObject all = deck_->setups();
    for (auto it = all.begin(); it != all.end(); ++it)
        last_[it.key()] = it.value().toObject();
}

void SetupHistory::onEdited(const QString& key) {
    const QJsonObject now = deck_->setups().value(key).toObject();
    const QJsonObject before = last_.value(key);
    if (now == before) return;
    last_[key] = now;
    stack_->push(new SetupEdit(this, key, before, now));
}

void SetupHistory::restore(const QString& key, const QJsonObject& controls) {
    deck_->applySetups({{key, controls}});
    last_[key] = controls;
}

} // namespace aelab
