#pragma once
// A lesson: a one-click setup of the labs with a caption that says what to
// look for, and the controls to hide from students. Lessons are
// JSON files: the built-in ones in resources/lessons, a user's anywhere.
// Qt Core only (the fuzz build parses lessons).
#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace aelab {

struct Lesson {
    QString title;
    QString caption;                   // shown above the lab while the lesson runs
    QString lab;                       // key of the lab to show
    QJsonObject setups;                // per lab key: controls to set (panel_state.h)
    QMap<QString, QStringList> hidden; // per lab key: controls hidden from students
    QStringList run;                   // labs to start once set up (training, or the chain)
    // Per lab key: the controls presentation mode's strip shows (empty: the
    // lab's usual ones).
    QMap<QString, QStringList> strip;
    // Per lab key: models from the zoo to open once set up, in order (the
    // last becomes the active model; docs/model-zoo.md).
    QMap<QString, QStringList> pretrained;
    // A paced start: after thenAfterSeconds, these controls change (lesson 1
    // trains slowly at first, so the class can watch R² climb).
    int thenAfterSeconds = 0;
    QJsonObject thenSetups;
};

inline constexpr int kLessonVersion = 1;
inline constexpr const char* kLessonFormat = "autoencoder-lab lesson";

QByteArray lessonToJson(const Lesson& lesson);
// False with a message for the user when json is not a lesson this version
// reads: not JSON, another format, a newer version, or a part of the wrong type.
bool parseLesson(const QByteArray& json, Lesson* out, QString* error);
bool loadLessonFile(const QString& path, Lesson* out, QString* error);

} // namespace aelab
