// aelab zoo list | verify | build: the model zoo (docs/model-zoo.md).
//   list    every model with its sidecar: steps, scores, time, machine
//   verify  the file's checksum, then rescore the model (the lines
//           benchmark, the test NLL or the test loss) and compare with its
//           sidecar (2% at most)
//   build   rerun every recipe from scratch (make models), or adopt runs of
//           exactly those commands (--reuse), and write models and sidecars
#include "app/zoo/zoo_catalogue.h"
#include "cli/args.h"
#include "cli/verbs.h"
#include "cli/zoo_rescore.h"

#include <QFileInfo>
#include <QTextStream>

#include <cmath>

namespace aelab::cli {

namespace {

constexpr double kTolerance = 0.02; // verify: relative to the sidecar's figure

QString figures(double meanDistance, double smoothness) {
    return QStringLiteral("%1e-3 / %2")
        .arg(meanDistance * 1e3, 0, 'f', 2)
        .arg(smoothness, 0, 'f', 3);
}

QString duration(double seconds) {
    return seconds < 120 ? QString::number(seconds, 'f', 0) + " s"
                         : QString::number(seconds / 60, 'f', 0) + " min";
}

QString testFigure(const zoo::ZooTestScore& t) {
    if (t.measure == "test_nll")
        return QStringLiteral("test NLL %1 nats (K = %2, %3 test images)")
            .arg(t.value, 0, 'f', 2)
            .arg(t.k)
            .arg(t.images);
    return QStringLiteral("test loss %1 per pixel (%2 test images)")
        .arg(t.value, 0, 'f', 4)
        .arg(t.images);
}

QString scoreLine(const zoo::ZooModel& m) {
    if (m.lab != zoo::kInterpolationLab) return testFigure(m.test);
    return QStringLiteral("lines benchmark, %1 pairs: mean distance / smoothness %2 (as drawn %3)")
        .arg(m.score.pairs)
        .arg(figures(m.score.meanDistance, m.score.smoothness),
             figures(m.score.meanDistanceDrawn, m.score.smoothnessDrawn));
}

int listZoo(const QStringList& args) {
    CliArgs a("zoo list", "Every model in the zoo with its sidecar.");
    a.addOption("models", "The zoo's folder.", zoo::zooDirectory());
    if (const std::optional<int> stop = parseVerbArgs(a, args)) return *stop;
    const zoo::Zoo z = zoo::readZoo(a.text("models"));
    QTextStream s(stdout);
    s << "model zoo: " << z.dir << " (" << z.models.size() << " models)\n";
    for (const zoo::ZooModel& m : z.models) {
        s << "\n"
          << m.name << "  " << zoo::pretrainedBadge(m) << " of " << zoo::stepCount(m.stepsRun)
          << ", " << duration(m.seconds) << " on " << m.machine["cpu"].toString() << " ("
          << m.threads << " thread, BLAS kernel " << m.machine["blas_kernel"].toString() << ")\n"
          << "  " << m.lab << " lab; " << scoreLine(m) << "\n"
          << "  " << QFileInfo(m.file).fileName() << ", "
          << QString::number(QFileInfo(m.file).size() / 1e6, 'f', 1) << " MB, seed " << m.seed
          << ", aelab " << m.software["aelab"].toString() << ", LibTorch "
          << m.software["libtorch"].toString() << "\n"
          << "  made by: " << m.command << "\n";
    }
    for (const QString& p : z.problems)
        s << "unreadable: " << p << "\n";
    return z.problems.isEmpty() ? 0 : 1;
}

bool within(double got, double want) {
    return std::abs(got - want) <= kTolerance * std::abs(want) + 1e-12;
}

// An image or DVAE lab model's test score against the sidecar's.
bool verifyTestScore(const zoo::ZooModel& m, bool quick, QTextStream& s) {
    zoo::ZooTestScore want = quick ? m.testCheck : m.test;
    const TestRescore got = rescoreImageModel(m.lab, m.file, want.images, want.k);
    if (!got.error.isEmpty()) {
        s << m.name << ": FAILED, " << got.error << "\n";
        return false;
    }
    const bool ok = within(got.value, want.value);
    zoo::ZooTestScore measured = want;
    measured.value = got.value;
    s << m.name << ": " << (ok ? "ok" : "FAILED, the score differs from the sidecar's") << ", "
      << testFigure(measured) << " (sidecar " << QString::number(want.value, 'f', 4) << ")"
      << Qt::endl;
    return ok;
}

// One model: its checksum, then its scores against the sidecar's.
bool verifyModel(const zoo::ZooModel& m, bool quick, QTextStream& s) {
    QString error;
    const QString sum = zoo::sha256OfFile(m.file, &error);
    if (sum != m.sha256) {
        s << m.name << ": FAILED, "
          << (sum.isEmpty() ? error : "the file's SHA-256 is not the sidecar's") << "\n";
        return false;
    }
    if (m.lab != zoo::kInterpolationLab) return verifyTestScore(m, quick, s);
    const zoo::ZooScore& want = quick ? m.check : m.score;
    const RescoreOutcome got = rescoreLinesModel(m.file, want.pairs, want.frames);
    if (!got.error.isEmpty()) {
        s << m.name << ": FAILED, " << got.error << "\n";
        return false;
    }
    const bool ok = within(got.score.meanDistance, want.meanDistance) &&
                    within(got.score.smoothness, want.smoothness) &&
                    within(got.score.meanDistanceDrawn, want.meanDistanceDrawn) &&
                    within(got.score.smoothnessDrawn, want.smoothnessDrawn);
    s << m.name << ": " << (ok ? "ok" : "FAILED, the scores differ from the sidecar's") << ", "
      << want.pairs << " pairs: " << figures(got.score.meanDistance, got.score.smoothness)
      << " (sidecar " << figures(want.meanDistance, want.smoothness) << "), as drawn "
      << figures(got.score.meanDistanceDrawn, got.score.smoothnessDrawn) << " (sidecar "
      << figures(want.meanDistanceDrawn, want.smoothnessDrawn) << ")" << Qt::endl;
    return ok;
}

int verifyZoo(const QStringList& args) {
    CliArgs a("zoo verify", "Check every model's file and rescore it against its sidecar (2%).");
    a.addOption("models", "The zoo's folder.", zoo::zooDirectory());
    a.addOption("only", "One model by name.");
    a.addFlag("quick", "Rescore the sidecar's quick check (16 of the 256 lines pairs; fewer test "
                       "images and samples for the image models).");
    if (const std::optional<int> stop = parseVerbArgs(a, args)) return *stop;
    const zoo::Zoo z = zoo::readZoo(a.text("models"));
    QTextStream s(stdout);
    bool ok = z.problems.isEmpty();
    int checked = 0;
    for (const QString& p : z.problems)
        s << "unreadable: " << p << "\n";
    for (const zoo::ZooModel& m : z.models) {
        if (a.isSet("only") && m.name != a.text("only")) continue;
        ok = verifyModel(m, a.isSet("quick"), s) && ok;
        ++checked;
    }
    if (checked == 0) {
        a.fail("no model to verify in " + z.dir);
        return usageError(a);
    }
    return ok ? 0 : 1;
}

} // namespace

int runZooBuild(const QStringList& args); // zoo_build.cpp

int runZooVerb(const QStringList& args) {
    const QString action = args.value(2);
    QStringList rest = args;
    if (rest.size() > 2) rest.removeAt(2);
    if (action == "list") return listZoo(rest);
    if (action == "verify") return verifyZoo(rest);
    if (action == "build") return runZooBuild(rest);
    const bool help = action == "--help" || action == "-h";
    QTextStream(help ? stdout : stderr)
        << "Usage: aelab zoo list|verify|build [options] [--help]\n"
           "  list    every model in the zoo with its sidecar\n"
           "  verify  check each model's file and rescore it against its sidecar\n"
           "  build   rerun the zoo's recipes and write models and sidecars (make models)\n";
    if (!help) return 2;
    // The three actions' options, for `aelab zoo --help` and docs/cli.md.
    const QStringList helpArgs{args.value(0), "zoo", "--help"};
    for (int (*printHelpOf)(const QStringList&) : {listZoo, verifyZoo, runZooBuild}) {
        QTextStream(stdout) << "\n" << Qt::flush;
        printHelpOf(helpArgs);
    }
    return 0;
}

} // namespace aelab::cli
