#pragma once
// The model zoo (docs/model-zoo.md): pretrained models in one folder, each
// <name>.aelab-ae beside its sidecar <name>.json, which records the exact
// command that made it, its steps, seconds, machine, seed, software and
// scores. This reads and writes sidecars; it knows no Torch (the command
// line rescores, the labs load).
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace aelab::zoo {

// A lines-benchmark score of a model: the raw decoder output (the paper's
// protocol) and the frames as drawn, over `pairs` pairs of `frames` frames.
struct ZooScore {
    double meanDistance = 0, smoothness = 0;
    double meanDistanceDrawn = 0, smoothnessDrawn = 0;
    int pairs = 0, frames = 0;
};

// An image model's test score: the DVAE lab's test NLL in nats ("test_nll",
// K importance samples) or the image lab's test loss per pixel
// ("test_loss"), over `images` test images (evenly spread over the DVAE
// lab's classes; the first ones for the image lab, as its verb scores).
struct ZooTestScore {
    QString measure;
    double value = 0;
    int images = 0, k = 0;
};

// The labs a zoo model opens in; the sidecar's "lab" (interpolation when
// absent: the first zoo had only lines models).
inline const QString kInterpolationLab = QStringLiteral("interpolation");
inline const QString kImageLab = QStringLiteral("image");
inline const QString kDvaeLab = QStringLiteral("dvae");

struct ZooModel {
    QString name;           // "lines-acai": <dataset>-<model>
    QString dataset;        // "lines", "mnist"
    QString model;          // "acai", "plain", "denoising", "vae"; "dae"; "vae", "dvae"
    QString lab;            // kInterpolationLab, kImageLab or kDvaeLab
    QString file;           // the model's absolute path
    QString sidecar;        // the sidecar's absolute path
    QString command;        // the exact command that made it
    QString sha256;         // of the model file
    long long steps = 0;    // the model's own (the best-scoring, --keep-best)
    long long stepsRun = 0; // the run's
    long long seed = 0;
    double seconds = 0; // the run's training time
    int threads = 0;    // Torch threads it trained with
    QJsonObject machine, software;
    ZooScore score;         // lines: all 256 benchmark pairs
    ZooScore check;         // lines: the first 16 pairs, what the tests check quickly
    ZooTestScore test;      // image and DVAE lab: the run's own test score
    ZooTestScore testCheck; // and a smaller one the tests check quickly
    QJsonArray validation;  // the run's --keep-best log
    QJsonArray curve;       // DVAE lab: the run's live figures (aelab dvae --curve-every)
};

// The zoo's folder: $AELAB_MODELS_DIR, else the installed share/aelab/models
// beside the executable, else the source tree's resources/models.
QString zooDirectory();

struct Zoo {
    QString dir;
    std::vector<ZooModel> models; // by name
    QStringList problems;         // sidecars that could not be read, and why
};
Zoo readZoo(const QString& dir = zooDirectory());
const ZooModel* findModel(const Zoo& zoo, const QString& name);

// A sidecar: the model file lies beside it. Bounded (1 MB); every field
// checked; an error names the file.
std::optional<ZooModel> readSidecar(const QString& path, QString* error);
QJsonObject sidecarJson(const ZooModel& m); // the file is stored by its name

// The zoo's models for one lab, by name.
std::vector<ZooModel> modelsFor(const Zoo& zoo, const QString& lab);

// "pretrained: 30,000 steps", the labs' badge.
QString pretrainedBadge(const ZooModel& m);
QString pretrainedBadge(long long steps);
// A step count as the zoo writes it, "30,000", whatever the user's locale.
QString stepCount(long long steps);
// The SHA-256 of a file in hex, or empty with *error set.
QString sha256OfFile(const QString& path, QString* error);

} // namespace aelab::zoo
