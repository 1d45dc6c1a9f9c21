#pragma once
// Sessions and lessons for the main window: save and open sessions (with a
// recent-files menu), the built-in lessons and the user's, saving the setup
// as a lesson with controls hidden from students. The file formats live in
// app/documents; what a lab contributes comes through the LabDeck.
#include "app/documents/lesson.h"

#include <QObject>
#include <QMap>
#include <QStringList>

#include <functional>

class QAction;
class QKeySequence;
class QMenu;
class QMenuBar;
class QWidget;

namespace aelab {

class FieldLab;
class LabDeck;
class SetupHistory;

class SessionActions : public QObject {
    Q_OBJECT
  public:
    SessionActions(QWidget* window, LabDeck* deck, SetupHistory* history, FieldLab* field);

    using AddAction = std::function<QAction*(QMenu*, const QString&, const QKeySequence&,
                                             const std::function<void()>&)>;
    void addFileActions(QMenu* file, const AddAction& add);
    void addLessonMenu(QMenuBar* bar, const AddAction& add);

    bool saveSession(const QString& path, QString* error);
    // Whether a lab trained since the session was last saved or opened.
    bool hasUnsavedModels() const;
    // Before quitting or opening another session: with unsaved models, asks
    // Save / Discard / Cancel. True: go on (saved, or discarded).
    bool settleUnsaved();
    // The question settleUnsaved asks (tests answer it themselves).
    std::function<int()> askUnsaved;
    bool openSession(const QString& path, QString* error);
    QStringList recentSessions() const;

    // The lessons that come with the app, as resource paths, in menu order.
    static QStringList builtInLessons();
    // Sets the labs up as the lesson says, shows its lab and caption, starts
    // what it runs. False (with why) if a lab it names is unknown.
    bool applyLesson(const Lesson& lesson, QString* error);
    // which: a built-in lesson's number (from 1) or a lesson file's path.
    bool startLesson(const QString& which, QString* error);
    // The labs as they are now, as a lesson hiding the given controls.
    Lesson currentAsLesson(const QString& title, const QString& caption,
                           const QMap<QString, QStringList>& hidden) const;

  signals:
    // A lesson's caption for the banner over its lab (empty: none).
    void captionChanged(const QString& title, const QString& caption, const QString& lab);
    void message(const QString& text, int timeoutMs);

  private:
    void openPretrained(const Lesson& lesson, QStringList& run);
    void rememberRecent(const QString& path);
    void fillRecentMenu();
    void askOpenSession();
    void askSaveSession(bool newPath);
    void askOpenLesson();
    void askSaveLesson();
    void warn(const QString& title, const QString& text);

    QWidget* window_;
    LabDeck* deck_;
    SetupHistory* history_;
    FieldLab* field_;
    QMenu* recentMenu_ = nullptr;
    QString currentPath_;
    QMap<QString, long long> savedProgress_; // each lab's steps when last saved or opened
    void rememberProgress();
    void endLesson();
    int lessonRun_ = 0; // counts lessons started: a paced step acts only on its own
};

} // namespace aelab
