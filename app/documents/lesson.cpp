#include "app/documents/lesson.h"

#include "app/documents/document_io.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace aelab {

using documents::fail;

QByteArray lessonToJson(const Lesson& l) {
    QJsonObject hidden;
    for (auto it = l.hidden.begin(); it != l.hidden.end(); ++it)
        if (!it.value().isEmpty()) hidden.insert(it.key(), QJsonArray::fromStringList(it.value()));
    QJsonObject root{{"format", kLessonFormat},
                     {"version", kLessonVersion},
                     {"title", l.title},
                     {"caption", l.caption},
                     {"lab", l.lab},
                     {"run", QJsonArray::fromStringList(l.run)},
                     {"controls", l.setups},
                     {"hidden", hidden}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool parseLesson(const QByteArray& json, Lesson* out, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, QObject::tr("not a lesson: %1 at byte %2")
                               .arg(parseError.errorString())
                               .arg(parseError.offset));
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value("format").toString() != QLatin1String(kLessonFormat))
        return fail(error, QObject::tr("not an Autoencoder Lab lesson (no \"format\": \"%1\")")
                               .arg(QLatin1String(kLessonFormat)));
    const int version = root.value("version").toInt(-1);
    if (version < 1 || version > kLessonVersion)
        return fail(error, QObject::tr("the lesson is of version %1; this version of Autoencoder "
                                       "Lab reads version %2")
                               .arg(root.value("version").toVariant().toString())
                               .arg(kLessonVersion));
    Lesson l;
    l.title = root.value("title").toString();
    l.caption = root.value("caption").toString();
    l.lab = root.value("lab").toString();
    const QJsonValue run = root.value("run");
    if (run.isUndefined())
        l.run = QStringList{root.value("lab").toString()};
    else if (!run.isArray())
        return fail(error, QObject::tr("the lesson's \"run\" is not a list of labs"));
    for (const QJsonValue& v : run.toArray())
        if (v.isString()) l.run << v.toString();
    if (l.title.isEmpty() || l.lab.isEmpty())
        return fail(error, QObject::tr("the lesson has no title or no lab"));
    const QJsonValue controls = root.value("controls");
    if (!controls.isObject() && !controls.isUndefined())
        return fail(error, QObject::tr("the lesson's \"controls\" is not an object"));
    l.setups = controls.toObject();
    for (auto it = l.setups.begin(); it != l.setups.end(); ++it)
        if (!it.value().isObject())
            return fail(
                error,
                QObject::tr("the lesson's controls of lab \"%1\" are not an object").arg(it.key()));
    const QJsonObject hidden = root.value("hidden").toObject();
    for (auto it = hidden.begin(); it != hidden.end(); ++it) {
        if (!it.value().isArray())
            return fail(error, QObject::tr("the lesson's hidden controls of lab \"%1\" are not "
                                           "a list")
                                   .arg(it.key()));
        QStringList names;
        for (const QJsonValue& v : it.value().toArray())
            if (v.isString()) names << v.toString();
        l.hidden.insert(it.key(), names);
    }
    *out = std::move(l);
    return true;
}

bool loadLessonFile(const QString& path, Lesson* out, QString* error) {
    return documents::readDocument(
        path, [out](const QByteArray& bytes, QString* why) { return parseLesson(bytes, out, why); },
        error);
}

} // namespace aelab
