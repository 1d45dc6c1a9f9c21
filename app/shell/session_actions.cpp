#include "app/shell/session_actions.h"
#include "core/io/atomic_file.h"
#include "app/labs/field/field_lab.h"
#include "app/shell/lab_deck.h"
#include "app/labkit/panel_state.h"
#include "app/documents/session_file.h"
#include "app/shell/setup_history.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace aelab {

namespace {

constexpr int kRecentCount = 8;

QJsonArray pointsToJson(const QVector<QPointF>& points) {
    QJsonArray out;
    for (const QPointF& p : points)
        out.append(QJsonArray{p.x(), p.y()});
    return out;
}

QVector<QPointF> pointsFromJson(const QJsonValue& value) {
    QVector<QPointF> out;
    for (const QJsonValue& v : value.toArray()) {
        const QJsonArray xy = v.toArray();
        if (xy.size() == 2 && xy[0].isDouble() && xy[1].isDouble())
            out.append(QPointF(xy[0].toDouble(), xy[1].toDouble()));
    }
    return out;
}

} // namespace

SessionActions::SessionActions(QWidget* window, LabDeck* deck, SetupHistory* history,
                               FieldLab* field)
    : QObject(window), window_(window), deck_(deck), history_(history), field_(field) {
    askUnsaved = [this] {
        return int(QMessageBox::question(
            window_, tr("Unsaved models"),
            tr("Models were trained since the session was last saved. Save them first?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save));
    };
}

void SessionActions::rememberProgress() {
    for (const LabEntry& lab : deck_->labs())
        if (lab.progress) savedProgress_.insert(lab.key, lab.progress());
}

bool SessionActions::hasUnsavedModels() const {
    for (const LabEntry& lab : deck_->labs())
        if (lab.progress && lab.progress() > 0 &&
            lab.progress() != savedProgress_.value(lab.key, 0))
            return true;
    return false;
}

bool SessionActions::settleUnsaved() {
    if (!hasUnsavedModels()) return true;
    switch (askUnsaved()) {
    case QMessageBox::Discard:
        return true;
    case QMessageBox::Save:
        askSaveSession(false);
        return !hasUnsavedModels(); // a cancelled or failed save goes back
    default:
        return false;
    }
}

void SessionActions::addFileActions(QMenu* file, const AddAction& add) {
    add(file, tr("Open session…"), QKeySequence::Open, [this] { askOpenSession(); });
    recentMenu_ = file->addMenu(tr("Open recent session"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &SessionActions::fillRecentMenu);
    add(file, tr("Save session"), QKeySequence::Save, [this] { askSaveSession(false); });
    add(file, tr("Save session as…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        [this] { askSaveSession(true); });
    file->addSeparator();
}

void SessionActions::addLessonMenu(QMenuBar* bar, const AddAction& add) {
    QMenu* menu = bar->addMenu(tr("&Lessons"));
    int n = 0;
    for (const QString& path : builtInLessons()) {
        Lesson lesson;
        if (!loadLessonFile(path, &lesson, nullptr)) continue;
        ++n;
        add(menu, lesson.title, QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + n)), [this, n] {
            QString error;
            if (!startLesson(QString::number(n), &error))
                warn(tr("Cannot start the lesson"), error);
        });
    }
    menu->addSeparator();
    add(menu, tr("Open a lesson file…"), QKeySequence(), [this] { askOpenLesson(); });
    add(menu, tr("Save this setup as a lesson…"), QKeySequence(), [this] { askSaveLesson(); });
    add(menu, tr("End the lesson (show every control)"), QKeySequence(), [this] { endLesson(); });
}

QStringList SessionActions::builtInLessons() {
    QStringList out;
    for (const QString& name : QDir(":/lessons").entryList({"*.json"}, QDir::Files, QDir::Name))
        out << ":/lessons/" + name;
    return out;
}

// Every control shown again, the strip and the caption of no lesson, and a
// paced step still to come cancelled.
void SessionActions::endLesson() {
    ++lessonRun_;
    deck_->setHidden({});
    deck_->setStrip({});
    emit captionChanged({}, {}, {});
}

bool SessionActions::saveSession(const QString& path, QString* error) {
    Session s;
    s.appVersion = QStringLiteral(AELAB_VERSION);
    s.lab = deck_->currentKey();
    s.setups = deck_->setups();
    const QByteArray model = field_->modelBytes();
    if (!model.isEmpty()) s.models.insert("field", model);
    const QMap<qint64, QByteArray> timeline = field_->timelineArchive();
    for (auto it = timeline.begin(); it != timeline.end(); ++it)
        s.models.insert(QStringLiteral("fieldTimeline/%1").arg(it.key()), it.value());
    // Other labs' models as "lab/part".
    for (const LabEntry& lab : deck_->labs()) {
        if (!lab.saveModels) continue;
        const QVariantMap parts = lab.saveModels();
        for (auto it = parts.begin(); it != parts.end(); ++it)
            s.models.insert(lab.key + "/" + it.key(), it.value().toByteArray());
    }
    s.charts.insert("field", pointsToJson(field_->lossHistory()));
    for (const LabEntry& lab : deck_->labs())
        if (lab.saveView) s.charts.insert(lab.key, lab.saveView());
    if (!saveSessionFile(path, s, error)) return false;
    rememberProgress();
    currentPath_ = path;
    rememberRecent(path);
    return true;
}

bool SessionActions::openSession(const QString& path, QString* error) {
    Session s;
    if (!loadSessionFile(path, &s, error)) return false; // nothing changed yet
    endLesson();
    const QStringList skipped = deck_->applySetups(s.setups);
    for (const LabEntry& lab : deck_->labs()) {
        if (lab.key == "field" || !s.setups.contains(lab.key)) continue;
        if (lab.rebuild) lab.rebuild();
        QVariantMap parts;
        for (auto it = s.models.begin(); it != s.models.end(); ++it)
            if (it.key().startsWith(lab.key + "/"))
                parts.insert(it.key().mid(lab.key.size() + 1), it.value());
        if (!parts.isEmpty() && lab.restoreModels) lab.restoreModels(parts);
        if (lab.restoreView && s.charts.value(lab.key).isObject())
            lab.restoreView(s.charts.value(lab.key).toObject());
    }
    if (s.models.contains("field")) {
        field_->restoreModel(s.models.value("field"), pointsFromJson(s.charts.value("field")));
        QMap<qint64, QByteArray> timeline;
        for (auto it = s.models.begin(); it != s.models.end(); ++it)
            if (it.key().startsWith("fieldTimeline/"))
                timeline.insert(it.key().mid(14).toLongLong(), it.value());
        field_->restoreTimeline(timeline);
    } else if (const LabEntry* lab = deck_->find("field"))
        lab->rebuild();
    deck_->show(s.lab);
    rememberProgress();
    history_->rebase();
    currentPath_ = path;
    rememberRecent(path);
    emit message(skipped.isEmpty() ? tr("Opened %1").arg(QFileInfo(path).fileName())
                                   : tr("Opened %1; not applied (from another version?): %2")
                                         .arg(QFileInfo(path).fileName(), skipped.join(", ")),
                 8000);
    return true;
}

QStringList SessionActions::recentSessions() const {
    return QSettings().value("recent/sessions").toStringList();
}

void SessionActions::rememberRecent(const QString& path) {
    QStringList recent = recentSessions();
    const QString full = QFileInfo(path).absoluteFilePath();
    recent.removeAll(full);
    recent.prepend(full);
    while (recent.size() > kRecentCount)
        recent.removeLast();
    QSettings().setValue("recent/sessions", recent);
}

void SessionActions::fillRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = recentSessions();
    for (const QString& path : recent)
        recentMenu_->addAction(QFileInfo(path).fileName() + "   " + QFileInfo(path).path(), this,
                               [this, path] {
                                   if (!settleUnsaved()) return;
                                   QString error;
                                   if (!openSession(path, &error))
                                       warn(tr("Cannot open the session"), error);
                               });
    if (recent.isEmpty()) recentMenu_->addAction(tr("(none yet)"))->setEnabled(false);
}

void SessionActions::askOpenSession() {
    if (!settleUnsaved()) return;
    const QString path =
        QFileDialog::getOpenFileName(window_, tr("Open session"), currentPath_,
                                     tr("Autoencoder Lab sessions (*.aelab);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !openSession(path, &error)) warn(tr("Cannot open the session"), error);
}

void SessionActions::askSaveSession(bool newPath) {
    QString path = currentPath_;
    if (newPath || path.isEmpty())
        path = QFileDialog::getSaveFileName(window_, tr("Save session"),
                                            path.isEmpty() ? "session.aelab" : path,
                                            tr("Autoencoder Lab sessions (*.aelab)"));
    if (path.isEmpty()) return;
    QString error;
    if (saveSession(path, &error))
        emit message(tr("Saved %1").arg(path), 5000);
    else
        warn(tr("Cannot save the session"), error);
}

bool SessionActions::applyLesson(const Lesson& lesson, QString* error) {
    if (!deck_->find(lesson.lab)) {
        if (error)
            *error = tr("the lesson names a lab this version does not have: %1").arg(lesson.lab);
        return false;
    }
    ++lessonRun_;
    deck_->pauseAll();
    deck_->setHidden({});
    // A clean start: the lesson's labs get their defaults, then its values.
    QStringList labs = lesson.setups.keys();
    if (!labs.contains(lesson.lab)) labs << lesson.lab;
    const QStringList skipped = deck_->applyClean(lesson.setups, labs);
    deck_->setStrip(lesson.strip);
    // Labs the lesson sets up start afresh from its seed.
    for (const LabEntry& lab : deck_->labs())
        if (lesson.setups.contains(lab.key) && lab.rebuild) lab.rebuild();
    QStringList run = lesson.run;
    openPretrained(lesson, run);
    deck_->setHidden(lesson.hidden);
    deck_->show(lesson.lab);
    history_->rebase();
    for (const QString& key : run)
        if (const LabEntry* lab = deck_->find(key); lab && lab->setRunning) lab->setRunning(true);
    emit captionChanged(lesson.title, lesson.caption, lesson.lab);
    if (lesson.thenAfterSeconds > 0)
        QTimer::singleShot(lesson.thenAfterSeconds * 1000, this,
                           [this, run = lessonRun_, then = lesson.thenSetups] {
                               if (run == lessonRun_) deck_->applySetups(then);
                           });
    if (!skipped.isEmpty())
        emit message(tr("Lesson: not applied: %1").arg(skipped.join(", ")), 8000);
    return true;
}

// The lesson's pretrained models; a lab whose models are missing (a build
// without the zoo) trains live instead, and the status bar says why.
void SessionActions::openPretrained(const Lesson& lesson, QStringList& run) {
    for (auto it = lesson.pretrained.begin(); it != lesson.pretrained.end(); ++it) {
        const LabEntry* lab = deck_->find(it.key());
        QString why = tr("this lab has no pretrained models");
        if (lab && lab->openPretrained && lab->openPretrained(it.value(), &why)) continue;
        if (!run.contains(it.key())) run << it.key();
        emit message(tr("Lesson: training live: %1").arg(why), 8000);
    }
}

Lesson SessionActions::currentAsLesson(const QString& title, const QString& caption,
                                       const QMap<QString, QStringList>& hidden) const {
    Lesson l;
    l.title = title;
    l.caption = caption;
    l.lab = deck_->currentKey();
    l.setups = deck_->setups();
    l.hidden = hidden;
    l.run = QStringList{l.lab};
    return l;
}

void SessionActions::askOpenLesson() {
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open lesson"), QString(),
                                                      tr("Lessons (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    Lesson lesson;
    QString error;
    if (!loadLessonFile(path, &lesson, &error) || !applyLesson(lesson, &error))
        warn(tr("Cannot open the lesson"), error);
}

void SessionActions::askSaveLesson() {
    QDialog dialog(window_);
    dialog.setWindowTitle(tr("Save this setup as a lesson"));
    auto* title = new QLineEdit(&dialog);
    auto* caption = new QPlainTextEdit(&dialog);
    caption->setPlaceholderText(tr("What should students look for?"));
    auto* tree = new QTreeWidget(&dialog);
    tree->setHeaderLabel(tr("Hide from students (ticked)"));
    for (const LabEntry& lab : deck_->labs()) {
        auto* labItem = new QTreeWidgetItem(tree, {lab.key});
        for (QWidget* control : namedControls(lab.panel)) {
            auto* item = new QTreeWidgetItem(labItem, {controlTitle(control)});
            item->setData(0, Qt::UserRole, control->objectName());
            item->setCheckState(0, deck_->hidden().value(lab.key).contains(control->objectName())
                                       ? Qt::Checked
                                       : Qt::Unchecked);
        }
        labItem->setExpanded(lab.key == deck_->currentKey());
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Title"), title);
    form->addRow(tr("Caption"), caption);
    form->addRow(tree);
    form->addRow(buttons);
    dialog.resize(480, 560);
    if (dialog.exec() != QDialog::Accepted) return;
    QMap<QString, QStringList> hidden;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* labItem = tree->topLevelItem(i);
        for (int j = 0; j < labItem->childCount(); ++j)
            if (labItem->child(j)->checkState(0) == Qt::Checked)
                hidden[labItem->text(0)] << labItem->child(j)->data(0, Qt::UserRole).toString();
    }
    const QString path = QFileDialog::getSaveFileName(window_, tr("Save lesson"), "lesson.json",
                                                      tr("Lessons (*.json)"));
    if (path.isEmpty()) return;
    const Lesson lesson =
        currentAsLesson(title->text().isEmpty() ? QFileInfo(path).baseName() : title->text(),
                        caption->toPlainText(), hidden);
    try {
        aelab::writeBytesAtomically(path.toStdString(), lessonToJson(lesson).toStdString());
    } catch (const std::exception& e) {
        return warn(tr("Cannot save the lesson"), QString::fromStdString(e.what()));
    }
    emit message(tr("Saved the lesson to %1").arg(path), 5000);
}

void SessionActions::warn(const QString& title, const QString& text) {
    QMessageBox::warning(window_, title, text);
}

bool SessionActions::startLesson(const QString& which, QString* error) {
    bool isNumber = false;
    const int n = which.toInt(&isNumber);
    const QStringList builtIn = builtInLessons();
    QString path = which;
    if (isNumber) {
        if (n < 1 || n > builtIn.size()) {
            if (error)
                *error = tr("there is no lesson %1 (the built-in ones are 1 to %2)")
                             .arg(which)
                             .arg(builtIn.size());
            return false;
        }
        path = builtIn.at(n - 1);
    }
    Lesson lesson;
    return loadLessonFile(path, &lesson, error) && applyLesson(lesson, error);
}

} // namespace aelab
