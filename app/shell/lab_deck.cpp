#include "app/shell/lab_deck.h"
#include "app/labkit/panel_state.h"

#include <QCheckBox>
#include <QLayout>
#include <QTabWidget>

namespace aelab {

LabDeck::LabDeck(QTabWidget* tabs, QObject* parent) : QObject(parent), tabs_(tabs) {
    connect(tabs, &QTabWidget::currentChanged, this, &LabDeck::followFront);
}

void LabDeck::add(const LabEntry& entry) {
    labs_.append(entry);
    if (entry.running && entry.panel->layout()) {
        auto* box = new QCheckBox(tr("Keep training in the background"), entry.panel);
        box->setObjectName("keepTraining");
        box->setToolTip(tr("Leave this lab training when another lab is in front. Unticked, "
                           "it pauses, so the lab in front gets the computer."));
        entry.panel->layout()->addWidget(box);
        background_.insert(entry.key, box);
    }
    defaults_.insert(entry.key, readControls(entry.panel));
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

QStringList LabDeck::stripFor(const QString& key) const {
    if (strip_.contains(key)) return strip_.value(key);
    const LabEntry* e = find(key);
    return e ? e->strip : QStringList();
}

QStringList LabDeck::applyClean(const QJsonObject& setups, const QStringList& labs) {
    QJsonObject merged;
    for (const QString& key : labs) {
        QJsonObject values = defaults_.value(key);
        const QJsonObject asked = setups.value(key).toObject();
        for (auto it = asked.begin(); it != asked.end(); ++it)
            values.insert(it.key(), it.value());
        merged.insert(key, values);
        if (const LabEntry* e = find(key); e && e->cleanSlate) e->cleanSlate();
    }
    for (auto it = setups.begin(); it != setups.end(); ++it)
        if (!merged.contains(it.key())) merged.insert(it.key(), it.value());
    return applySetups(merged);
}

void LabDeck::followFront() {
    const LabEntry* front = find(currentKey());
    if (!front) return;
    for (const LabEntry& e : labs_) {
        if (&e == front || !e.running || !e.setRunning) continue;
        const bool keep = front->companions.contains(e.key) ||
                          (background_.value(e.key) && background_.value(e.key)->isChecked());
        if (!keep && e.running()) {
            e.setRunning(false);
            if (!pausedByDeck_.contains(e.key)) pausedByDeck_ << e.key;
        }
    }
    // The lab in front (and what it needs) picks up where switching away left it.
    for (const QString& key : QStringList{front->key} + front->companions)
        if (pausedByDeck_.removeAll(key) > 0)
            if (const LabEntry* e = find(key); e && e->setRunning) e->setRunning(true);
}

void LabDeck::pauseAll() {
    pausedByDeck_.clear();
    for (const LabEntry& e : labs_)
        if (e.setRunning) e.setRunning(false);
}

void LabDeck::showControls() {
    for (const LabEntry& e : labs_)
        setControlsHidden(e.panel,
                          hidden_.value(e.key) + (presenting_ ? e.advanced : QStringList()));
}

} // namespace aelab
