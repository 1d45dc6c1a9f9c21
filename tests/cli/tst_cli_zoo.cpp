// The model zoo (docs/model-zoo.md): every recipe has a shipped model whose
// sidecar names the recipe's command; the shipped models rescore within 2%
// of their sidecars on the check pairs; ACAI beats the plain AE on both
// figures; a damaged model or sidecar fails verify and names the model.
#include "datasets/mnist_json.h" // Torch before Qt

#include "app/zoo/zoo_catalogue.h"
#include "app/zoo/zoo_recipes.h"
#include "tests/cli/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {
// A copy of the shipped zoo to damage.
bool copyZoo(const QString& to) {
    const QDir from(zoo::zooDirectory());
    for (const QString& name : from.entryList(QDir::Files))
        if (!QFile::copy(from.filePath(name), QDir(to).filePath(name))) return false;
    return true;
}
bool rewriteJson(const QString& path, const std::function<void(QJsonObject&)>& change) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return false;
    QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    change(o);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    return f.write(QJsonDocument(o).toJson()) > 0;
}
} // namespace

class TestCliZoo : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void everyRecipeHasItsShippedModel() {
        const zoo::Zoo z = zoo::readZoo();
        QVERIFY2(z.problems.isEmpty(), qPrintable(z.problems.join("; ")));
        for (const zoo::ZooRecipe& r : zoo::zooRecipes()) {
            const zoo::ZooModel* m = zoo::findModel(z, r.name);
            QVERIFY2(m, qPrintable(r.name + " is not in " + z.dir));
            QVERIFY(QFile::exists(m->file));
            QVERIFY2(m->command.startsWith(zoo::recipeCommand(r) + " --save"),
                     qPrintable(m->command));
            QVERIFY(m->steps > 0 && m->steps <= m->stepsRun);
            QVERIFY(!m->machine["cpu"].toString().isEmpty());
            QVERIFY(!m->machine["blas_kernel"].toString().isEmpty());
            QCOMPARE(m->lab, r.lab);
            if (r.lab != zoo::kInterpolationLab) {
                QVERIFY(m->test.images > m->testCheck.images && m->testCheck.images > 0);
                continue;
            }
            QVERIFY(!m->validation.isEmpty());
            QCOMPARE(m->score.pairs, 256);
            QCOMPARE(m->check.pairs, 16);
        }
    }
    // The paper's claim, on the shipped models' sidecars (verify checks that
    // the sidecars tell the truth).
    void acaiBeatsThePlainAutoencoder() {
        const zoo::Zoo z = zoo::readZoo();
        const zoo::ZooModel *acai = zoo::findModel(z, "lines-acai"),
                            *plain = zoo::findModel(z, "lines-plain");
        QVERIFY(acai && plain);
        QVERIFY(acai->score.meanDistance < plain->score.meanDistance);
        QVERIFY(acai->score.smoothness < plain->score.smoothness);
        QVERIFY(acai->score.meanDistanceDrawn < plain->score.meanDistanceDrawn);
        QVERIFY(acai->score.smoothnessDrawn < plain->score.smoothnessDrawn);
    }
    // Lesson 3's claim on the shipped pair: the DVAE's test NLL is lower.
    void dvaeBeatsTheVaeOnFixedBinaryData() {
        const zoo::Zoo z = zoo::readZoo();
        const zoo::ZooModel *vae = zoo::findModel(z, "mnist-vae"),
                            *dvae = zoo::findModel(z, "mnist-dvae");
        QVERIFY(vae && dvae);
        QCOMPARE(vae->test.measure, QString("test_nll"));
        QVERIFY(dvae->test.value < vae->test.value);
        QVERIFY(dvae->testCheck.value < vae->testCheck.value);
    }
    void shippedModelsRescoreAsTheirSidecarsSay() {
        // The MNIST models need the digits (make deps fetches them); without
        // them verify says so and fails.
        const bool mnist =
            QFile::exists(QString::fromStdString(aelab::defaultMnistFolder()) + "/0.json");
        const CliRun r = runCliCaptured({"zoo", "verify", "--quick"});
        QVERIFY2(r.code == (mnist ? 0 : 1), qPrintable(r.out + r.err));
        for (const zoo::ZooRecipe& recipe : zoo::zooRecipes()) {
            const QString want = recipe.lab == zoo::kInterpolationLab ? ": ok, 16 pairs"
                                 : mnist                              ? ": ok, test "
                                         : ": FAILED, MNIST digits not found";
            QVERIFY2(r.out.contains(recipe.name + want), qPrintable(r.out));
        }
        const CliRun list = runCliCaptured({"zoo", "list"});
        QCOMPARE(list.code, 0);
        QVERIFY(list.out.contains("lines-acai  pretrained: "));
        QVERIFY(list.out.contains("made by: aelab interpolate"));
    }
    void damageFailsVerifyNamingTheModel() {
        QTemporaryDir dir;
        QVERIFY(copyZoo(dir.path()));
        // A sidecar whose check figure is 5% off.
        QVERIFY(rewriteJson(dir.filePath("lines-plain.json"), [](QJsonObject& o) {
            QJsonObject check = o["check"].toObject();
            check["mean_distance"] = check["mean_distance"].toDouble() * 1.05;
            o["check"] = check;
        }));
        CliRun r = runCliCaptured(
            {"zoo", "verify", "--quick", "--models", dir.path(), "--only", "lines-plain"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("lines-plain: FAILED, the scores differ"), qPrintable(r.out));
        // One flipped byte in a model.
        QFile model(dir.filePath("lines-acai.aelab-ae"));
        QVERIFY(model.open(QIODevice::ReadWrite));
        model.seek(model.size() / 2);
        char c = 0;
        QVERIFY(model.getChar(&c));
        model.seek(model.size() / 2);
        QVERIFY(model.putChar(char(c ^ 0x10)));
        model.close();
        r = runCliCaptured(
            {"zoo", "verify", "--quick", "--models", dir.path(), "--only", "lines-acai"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("lines-acai: FAILED, the file's SHA-256"), qPrintable(r.out));
        // A sidecar without its command, and one pointing outside its folder.
        QVERIFY(rewriteJson(dir.filePath("lines-vae.json"),
                            [](QJsonObject& o) { o.remove("command"); }));
        QVERIFY(rewriteJson(dir.filePath("lines-denoising.json"),
                            [](QJsonObject& o) { o["file"] = "../lines-acai.aelab-ae"; }));
        r = runCliCaptured({"zoo", "list", "--models", dir.path()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("lines-vae.json: the field \"command\" is missing or wrong"),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains("lines-denoising.json: the field \"file\""), qPrintable(r.out));
    }
    void usage() {
        QCOMPARE(runCli({"zoo"}), 2);
        QCOMPARE(runCli({"zoo", "build", "--only", "mnist-gan"}), 2);
        QTemporaryDir empty;
        QString err;
        QCOMPARE(runCli({"zoo", "verify", "--models", empty.path()}, &err), 2);
        QVERIFY(err.contains("no model to verify"));
    }
};

QTEST_GUILESS_MAIN(TestCliZoo)
#include "tst_cli_zoo.moc"
