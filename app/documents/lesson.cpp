#include "app/documents/lesson.h"

#include "app/documents/document_io.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace aelab {

using documents::fail;

namespace {

QJsonObject namesToJson(const QMap<QString, QStringList>& names) {
    QJsonObject out;
    for (auto it = names.begin(); it != names.end(); ++it)
        if (!it.value().isEmpty()) out.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return out;
}

// {lab: [names]} of the lesson's part `key` ("hidden", "strip": controls;
// "pretrained": zoo models).
bool namesFromJson(const QJsonObject& root, const char* key, QMap<QString, QStringList>* out,
                   QString* error) {
    const QJsonObject parts = root.value(QLatin1String(key)).toObject();
    for (auto it = parts.begin(); it != parts.end(); ++it) {
        if (!it.value().isArray())
            return fail(error, QObject::tr("the lesson's \"%1\" controls of lab \"%2\" are not "
                                           "a list")
                                   .arg(QLatin1String(key), it.key()));
        QStringList names;
        for (const QJsonValue& v : it.value().toArray())
            if (v.isString()) names << v.toString();
        out->insert(it.key(), names);
    }
    return true;
}

bool setupsFromJson(const QJsonValue& controls, QJsonObject* out, QString* error) {
    if (!controls.isObject() && !controls.isUndefined())
        return fail(error, QObject::tr("the lesson's \"controls\" is not an object"));
    *out = controls.toObject();
    for (auto it = out->begin(); it != out->end(); ++it)
        if (!it.value().isObject())
            return fail(
                error,
                QObject::tr("the lesson's controls of lab \"%1\" are not an object").arg(it.key()));
    return true;
}

} // namespace

QByteArray lessonToJson(const Lesson& l) {
    const QJsonObject hidden = namesToJson(l.hidden);
    QJsonObject root{{"format", kLessonFormat},
                     {"version", kLessonVersion},
                     {"title", l.title},
                     {"caption", l.caption},
                     {"lab", l.lab},
                     {"run", QJsonArray::fromStringList(l.run)},
                     {"controls", l.setups},
                     {"hidden", hidden}};
    if (!l.strip.isEmpty()) root.insert("strip", namesToJson(l.strip));
    if (!l.pretrained.isEmpty()) root.insert("pretrained", namesToJson(l.pretrained));
    if (l.thenAfterSeconds > 0)
        root.insert("then", QJsonObject{{"after", l.thenAfterSeconds}, {"controls", l.thenSetups}});
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
    if (!setupsFromJson(root.value("controls"), &l.setups, error) ||
        !namesFromJson(root, "hidden", &l.hidden, error) ||
        !namesFromJson(root, "strip", &l.strip, error) ||
        !namesFromJson(root, "pretrained", &l.pretrained, error))
        return false;
    const QJsonObject then = root.value("then").toObject();
    if (!then.isEmpty()) {
        l.thenAfterSeconds = std::clamp(then.value("after").toInt(), 0, 3600);
        if (!setupsFromJson(then.value("controls"), &l.thenSetups, error)) return false;
    }
    *out = std::move(l);
    return true;
}

bool loadLessonFile(const QString& path, Lesson* out, QString* error) {
    return documents::readDocument(
        path, [out](const QByteArray& bytes, QString* why) { return parseLesson(bytes, out, why); },
        error, kLessonLimit);
}

} // namespace aelab
