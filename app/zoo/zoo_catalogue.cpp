#include "app/zoo/zoo_catalogue.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace aelab::zoo {

namespace {
constexpr qint64 kMaxSidecarBytes = 1 << 20;

QJsonObject scoreJson(const ZooScore& s) {
    return {{"mean_distance", s.meanDistance},
            {"smoothness", s.smoothness},
            {"mean_distance_drawn", s.meanDistanceDrawn},
            {"smoothness_drawn", s.smoothnessDrawn},
            {"pairs", s.pairs},
            {"frames", s.frames}};
}

bool readScore(const QJsonObject& o, ZooScore& s) {
    for (const char* key : {"mean_distance", "smoothness", "mean_distance_drawn",
                            "smoothness_drawn", "pairs", "frames"})
        if (!o[key].isDouble() || o[key].toDouble() < 0) return false;
    s.meanDistance = o["mean_distance"].toDouble();
    s.smoothness = o["smoothness"].toDouble();
    s.meanDistanceDrawn = o["mean_distance_drawn"].toDouble();
    s.smoothnessDrawn = o["smoothness_drawn"].toDouble();
    s.pairs = o["pairs"].toInt();
    s.frames = o["frames"].toInt();
    return s.pairs > 0 && s.frames >= 2;
}

QJsonObject testJson(const ZooTestScore& s) {
    return {{"measure", s.measure}, {"value", s.value}, {"images", s.images}, {"k", s.k}};
}

bool readTest(const QJsonObject& o, ZooTestScore& s) {
    if (!o["measure"].isString() || !o["value"].isDouble() || !o["images"].isDouble() ||
        !o["k"].isDouble())
        return false;
    s.measure = o["measure"].toString();
    s.value = o["value"].toDouble();
    s.images = o["images"].toInt();
    s.k = o["k"].toInt();
    // Bounded: verify must not be talked into an estimate of hours.
    return (s.measure == "test_nll" || s.measure == "test_loss") && s.images > 0 &&
           s.images <= 100000 && s.k >= 0 && s.k <= 100000 && std::isfinite(s.value);
}

// The scores a sidecar of this lab must have.
bool readScores(const QJsonObject& o, ZooModel& m, QString* bad) {
    if (m.lab == kInterpolationLab) {
        if (!readScore(o["score"].toObject(), m.score)) return (*bad = "score"), false;
        if (!readScore(o["check"].toObject(), m.check)) return (*bad = "check"), false;
        return true;
    }
    if (!readTest(o["test"].toObject(), m.test)) return (*bad = "test"), false;
    if (!readTest(o["test_check"].toObject(), m.testCheck)) return (*bad = "test_check"), false;
    return true;
}

// The sidecar's fields into m: false with the first missing or bad field.
bool readFields(const QJsonObject& o, ZooModel& m, QString* bad) {
    for (const char* key : {"name", "dataset", "model", "file", "command", "sha256"})
        if (!o[key].isString() || o[key].toString().isEmpty()) return (*bad = key), false;
    for (const char* key : {"steps", "steps_run", "seed", "seconds", "threads"})
        if (!o[key].isDouble() || o[key].toDouble() < 0) return (*bad = key), false;
    m.lab = o["lab"].toString(kInterpolationLab);
    if (m.lab != kInterpolationLab && m.lab != kImageLab && m.lab != kDvaeLab)
        return (*bad = "lab"), false;
    if (!readScores(o, m, bad)) return false;
    m.name = o["name"].toString();
    m.dataset = o["dataset"].toString();
    m.model = o["model"].toString();
    m.command = o["command"].toString();
    m.sha256 = o["sha256"].toString();
    m.steps = qint64(o["steps"].toDouble());
    m.stepsRun = qint64(o["steps_run"].toDouble());
    m.seed = qint64(o["seed"].toDouble());
    m.seconds = o["seconds"].toDouble();
    m.threads = o["threads"].toInt();
    m.machine = o["machine"].toObject();
    m.software = o["software"].toObject();
    m.validation = o["validation"].toArray();
    m.curve = o["curve"].toArray();
    // The model is named by its file name only: a sidecar cannot point
    // outside its folder.
    const QString file = o["file"].toString();
    if (file.contains('/') || file.startsWith('.')) return (*bad = "file"), false;
    m.file = file;
    return true;
}
} // namespace

QString zooDirectory() {
    const QString env = qEnvironmentVariable("AELAB_MODELS_DIR");
    if (!env.isEmpty()) return env;
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).filePath("../share/aelab/models");
    if (QFileInfo(installed).isDir()) return QDir::cleanPath(installed);
    return QStringLiteral(AELAB_SOURCE_MODELS_DIR);
}

std::optional<ZooModel> readSidecar(const QString& path, QString* error) {
    QFile f(path);
    if (QFileInfo(path).size() > kMaxSidecarBytes) {
        *error = path + ": larger than a sidecar can be (1 MB)";
        return std::nullopt;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = "cannot read " + path + ": " + f.errorString();
        return std::nullopt;
    }
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(kMaxSidecarBytes), &parse);
    if (!doc.isObject() || doc.object()["format"].toString() != "autoencoder-lab model sidecar") {
        *error = path + ": not a model sidecar" +
                 (parse.error ? " (" + parse.errorString() + ")" : QString());
        return std::nullopt;
    }
    ZooModel m;
    QString bad;
    if (!readFields(doc.object(), m, &bad)) {
        *error = path + ": the field \"" + bad + "\" is missing or wrong";
        return std::nullopt;
    }
    const QDir dir = QFileInfo(path).absoluteDir();
    m.file = dir.filePath(m.file);
    m.sidecar = QFileInfo(path).absoluteFilePath();
    return m;
}

QJsonObject sidecarJson(const ZooModel& m) {
    QJsonObject o{{"format", "autoencoder-lab model sidecar"},
                  {"version", 1},
                  {"name", m.name},
                  {"dataset", m.dataset},
                  {"model", m.model},
                  {"lab", m.lab},
                  {"file", QFileInfo(m.file).fileName()},
                  {"sha256", m.sha256},
                  {"command", m.command},
                  {"steps", double(m.steps)},
                  {"steps_run", double(m.stepsRun)},
                  {"seed", double(m.seed)},
                  {"seconds", m.seconds},
                  {"threads", m.threads},
                  {"machine", m.machine},
                  {"software", m.software},
                  {"validation", m.validation}};
    if (!m.curve.isEmpty()) o["curve"] = m.curve;
    if (m.lab == kInterpolationLab) {
        o["score"] = scoreJson(m.score);
        o["check"] = scoreJson(m.check);
    } else {
        o["test"] = testJson(m.test);
        o["test_check"] = testJson(m.testCheck);
    }
    return o;
}

Zoo readZoo(const QString& dir) {
    Zoo zoo;
    zoo.dir = dir;
    const QStringList sidecars = QDir(dir).entryList({"*.json"}, QDir::Files, QDir::Name);
    for (const QString& name : sidecars) {
        QString error;
        if (auto m = readSidecar(QDir(dir).filePath(name), &error))
            zoo.models.push_back(*m);
        else
            zoo.problems << error;
    }
    return zoo;
}

const ZooModel* findModel(const Zoo& zoo, const QString& name) {
    const auto it = std::find_if(zoo.models.begin(), zoo.models.end(),
                                 [&](const ZooModel& m) { return m.name == name; });
    return it == zoo.models.end() ? nullptr : &*it;
}

std::vector<ZooModel> modelsFor(const Zoo& zoo, const QString& lab) {
    std::vector<ZooModel> out;
    std::copy_if(zoo.models.begin(), zoo.models.end(), std::back_inserter(out),
                 [&](const ZooModel& m) { return m.lab == lab; });
    return out;
}

QString pretrainedBadge(const ZooModel& m) {
    return pretrainedBadge(m.steps);
}

QString pretrainedBadge(long long steps) {
    return QStringLiteral("pretrained: %1 steps").arg(stepCount(steps));
}

QString stepCount(long long steps) {
    return QLocale(QLocale::English).toString(steps);
}

QString sha256OfFile(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = "cannot read " + path + ": " + f.errorString();
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) {
        *error = "cannot read " + path;
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace aelab::zoo
