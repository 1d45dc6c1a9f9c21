#include "app/shell/lab_deck.h"
#include "app/labkit/panel_state.h"

#include <QTabWidget>

namespace aelab {

LabDeck::LabDeck(QTabWidget* tabs, QObject* parent) : QObject(parent), tabs_(tabs) {}

void LabDeck::add(const LabEntry& entry) {
    labs_.append(entry);
    const QString key = entry.key;
    watchControls(entry.panel, this, [this, key] {
        if (!applying()) emit controlsEdited(key);
    });
}

const LabEntry* LabDeck::find(const QString& key) const {
    for (const LabEntry& e : labs_)
        if (e.key == key) return &e;
    return nullptr;
}

QString LabDeck::currentKey() const {
    for (const LabEntry& e : labs_)
        if (e.lab == tabs_->currentWidget()) return e.key;
    return {};
}

bool LabDeck::show(const QString& key) {
    const LabEntry* e = find(key);
    if (e) tabs_->setCurrentWidget(e->lab);
    return e != nullptr;
}

QJsonObject LabDeck::setups() const {
    QJsonObject out;
    for (const LabEntry& e : labs_)
        out.insert(e.key, readControls(e.panel));
    return out;
}

QStringList LabDeck::applySetups(const QJsonObject& setups) {
    QStringList failed;
    ++applying_;
    for (auto it = setups.begin(); it != setups.end(); ++it) {
        const LabEntry* e = find(it.key());
        if (!e) {
            failed << it.key();
            continue;
        }
        for (const QString& name : applyControls(e->panel, it.value().toObject()))
            failed << e->key + "/" + name;
    }
    --applying_;
    return failed;
}

void LabDeck::setHidden(const QMap<QString, QStringList>& hidden) {
    hidden_ = hidden;
    showControls();
}

void LabDeck::setPresenting(bool on) {
    presenting_ = on;
    showControls();
}

void LabDeck::showControls() {
    for (const LabEntry& e : labs_)
        setControlsHidden(e.panel,
                          hidden_.value(e.key) + (presenting_ ? e.advanced : QStringList()));
}

} // namespace aelab
