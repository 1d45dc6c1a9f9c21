// aelab zoo build (make models): each recipe's command from scratch, in a
// child process of this executable, or a run of exactly that command adopted
// with --reuse; then the model is copied into the zoo and its sidecar written
// beside it, both atomically.
#include "core/io/atomic_file.h"

#include "app/zoo/zoo_catalogue.h"
#include "app/zoo/zoo_recipes.h"
#include "cli/args.h"
#include "cli/machine_info.h"
#include "cli/output.h"
#include "cli/zoo_rescore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace aelab::cli {

namespace {

constexpr int kCheckPairs = 16; // the sidecar's quick check (tests, zoo verify --quick)
// The image models' quick check: test images, and importance samples for
// the NLL.
constexpr int kCheckImages = 100;
constexpr int kCheckK = 100;

// A command's verb and options, in any order, without --save and --out,
// which name places, not settings. Values never start with "--" here.
QMap<QString, QString> commandSettings(const QString& command) {
    const QStringList words = command.split(' ', Qt::SkipEmptyParts);
    QMap<QString, QString> settings{{"", words.value(1)}}; // the verb
    for (int i = 2; i < words.size(); ++i) {
        if (!words[i].startsWith("--")) continue;
        const bool hasValue = i + 1 < words.size() && !words[i + 1].startsWith("--");
        if (words[i] != "--save" && words[i] != "--out")
            settings.insert(words[i], hasValue ? words[i + 1] : QString());
        if (hasValue) ++i;
    }
    return settings;
}

QJsonObject readMetrics(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = "cannot read " + path + ": " + f.errorString();
        return {};
    }
    const QJsonObject o = QJsonDocument::fromJson(f.read(64 << 20)).object();
    if (o.isEmpty()) *error = path + " is not a run's metrics.json";
    return o;
}

// Runs the recipe in a child process, its output passed through; the run's
// folder and model land in `work`.
bool runRecipe(const zoo::ZooRecipe& r, const QDir& work, QString* error) {
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                r.args + QStringList{"--save", work.filePath(r.name + ".aelab-ae"), "--out",
                                     work.filePath(r.name)});
    if (!child.waitForStarted() || !child.waitForFinished(-1) ||
        child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        *error = r.name + ": the recipe's run failed (" + zoo::recipeCommand(r) + ")";
        return false;
    }
    return true;
}

// The sidecar's scores from the run's metrics.json, and the quick check
// rescored from the installed model.
bool scoreModel(const QJsonObject& metrics, zoo::ZooModel& m, QString* error) {
    if (m.lab == zoo::kInterpolationLab) {
        m.score = {metrics["mean_distance"].toDouble(),
                   metrics["smoothness"].toDouble(),
                   metrics["mean_distance_drawn"].toDouble(),
                   metrics["smoothness_drawn"].toDouble(),
                   metrics["pairs"].toInt(),
                   metrics["frames"].toInt()};
        const RescoreOutcome check = rescoreLinesModel(m.file, kCheckPairs, m.score.frames);
        m.check = check.score;
        return check.error.isEmpty() || ((*error = check.error), false);
    }
    if (m.lab == zoo::kDvaeLab)
        m.test = {"test_nll", metrics["test_nll"].toDouble(), metrics["nll_images"].toInt(),
                  metrics["k_eval"].toInt()};
    else // the image-dae verb scores the first 1,000 test images
        m.test = {"test_loss", metrics["test_loss"].toDouble(), 1000, 0};
    m.testCheck = {m.test.measure, 0, kCheckImages, m.lab == zoo::kDvaeLab ? kCheckK : 0};
    const TestRescore check = rescoreImageModel(m.lab, m.file, kCheckImages, m.testCheck.k);
    m.testCheck.value = check.value;
    return check.error.isEmpty() || ((*error = check.error), false);
}

// The model and its sidecar from a finished run of the recipe.
bool installModel(const zoo::ZooRecipe& r, const QDir& runs, const QDir& zooDir, QString* error) {
    const QJsonObject metrics = readMetrics(runs.filePath(r.name + "/metrics.json"), error);
    if (metrics.isEmpty()) return false;
    if (commandSettings(metrics["command"].toString()) != commandSettings(zoo::recipeCommand(r))) {
        *error = r.name + ": the run in " + runs.filePath(r.name) +
                 " was not made by the recipe's command " + zoo::recipeCommand(r);
        return false;
    }
    zoo::ZooModel m;
    m.name = r.name;
    m.dataset = r.dataset;
    m.model = r.model;
    m.lab = r.lab;
    m.file = zooDir.filePath(r.name + ".aelab-ae");
    m.command = zoo::recipeCommand(r) + " --save " + r.name + ".aelab-ae --out " + r.name;
    m.steps = qint64(metrics["steps"].toDouble());
    const QJsonArray log = metrics["validation"].toArray();
    m.stepsRun = log.isEmpty() ? m.steps : qint64(log.last().toObject()["step"].toDouble());
    m.seed = qint64(r.args.value(r.args.indexOf("--seed") + 1).toLongLong());
    m.seconds = metrics["seconds"].toDouble();
    m.threads = metrics["threads"].toInt();
    // The machine the run trained on; runs from before metrics.json named it
    // were adopted on the machine that ran them.
    m.machine = metrics["machine"].isObject() ? metrics["machine"].toObject() : machineJson();
    m.software = versionsJson();
    m.validation = log;
    m.curve = metrics["curve"].toArray();
    QFile model(runs.filePath(r.name + ".aelab-ae"));
    if (!model.open(QIODevice::ReadOnly)) {
        *error = "cannot read " + model.fileName() + ": " + model.errorString();
        return false;
    }
    try {
        aelab::writeBytesAtomically(m.file.toStdString(), model.readAll().toStdString());
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    if (!scoreModel(metrics, m, error)) return false;
    m.sha256 = zoo::sha256OfFile(m.file, error);
    return !m.sha256.isEmpty() &&
           writeJson(zooDir.filePath(r.name + ".json"), zoo::sidecarJson(m), error);
}

} // namespace

int runZooBuild(const QStringList& args) {
    CliArgs a("zoo build", "Rerun the zoo's recipes from scratch and write each model with its "
                           "sidecar (hours: make models).");
    a.addOption("models", "The zoo's folder.", zoo::zooDirectory());
    a.addOption("only", "One recipe by name (lines-acai, mnist-dvae, ...).");
    a.addOption("reuse", "Adopt finished runs of exactly the recipes' commands from this folder "
                         "(NAME/metrics.json and NAME.aelab-ae) instead of training again.");
    if (const std::optional<int> stop = parseVerbArgs(a, args)) return *stop;
    if (a.isSet("only") && !zoo::findRecipe(a.text("only"))) {
        a.fail("--only: no recipe named \"" + a.text("only") + "\"");
        return usageError(a);
    }
    const QDir zooDir(a.text("models"));
    if (!zooDir.exists() && !QDir().mkpath(zooDir.path())) {
        a.fail("cannot create " + zooDir.path());
        return usageError(a);
    }
    QTemporaryDir scratch(zooDir.filePath(".zoo-build-XXXXXX"));
    const QDir runs(a.isSet("reuse") ? a.text("reuse") : scratch.path());
    QTextStream s(stdout);
    for (const zoo::ZooRecipe& r : zoo::zooRecipes()) {
        if (a.isSet("only") && r.name != a.text("only")) continue;
        s << "zoo build: " << r.name << ": " << zoo::recipeCommand(r) << Qt::endl;
        QString error;
        if ((!a.isSet("reuse") && !runRecipe(r, runs, &error)) ||
            !installModel(r, runs, zooDir, &error))
            return runError(a, error);
        s << "zoo build: " << r.name << " -> " << zooDir.filePath(r.name + ".aelab-ae") << Qt::endl;
    }
    return 0;
}

} // namespace aelab::cli
