#include "cli/cli.h"
#include "cli/args.h"
#include "cli/memory_budget.h"
#include "cli/run_folder.h"
#include "cli/verbs.h"

#include <QTextStream>

#include <exception>
#include <new>

namespace aelab::cli {

QList<Verb> builtInVerbs() {
    return {
        {"field", "train a DAE on 2D data; write metrics.json, field.csv, data.csv, field.png",
         runFieldVerb},
        {"chain", "train a DAE on 2D data, run a sampling chain; write metrics.json, chain.csv",
         runChainVerb},
        {"anneal",
         "train a noise-conditional DAE on 2D data, sample by annealing; write metrics.json, "
         "chain.csv, chain.gif, fields.png",
         runAnnealVerb},
        {"image-dae",
         "train an image DAE, sample with chains; write metrics.json, reconstructions.png, "
         "samples.png, chain.gif",
         runImageDaeVerb},
        {"interpolate",
         "train plain/denoising/VAE/ACAI autoencoders, interpolate; on lines score the "
         "benchmark; write metrics.json, strips/",
         runInterpolateVerb},
        {"dvae",
         "train a VAE/DVAE/IWAE/DIWAE, estimate test NLL; write metrics.json, samples.png, "
         "reconstructions.png",
         runDvaeVerb},
        {"dvae-compare",
         "VAE-family models over seeds on the paper's protocol; write compare.json, compare.png",
         runDvaeCompareVerb},
        {"zoo",
         "the pretrained models: list them, verify them (rescore against their sidecars), "
         "build them (make models)",
         runZooVerb},
        {"lines", "write one line image of the lines benchmark as an 8-bit grey PNG", runLinesVerb},
    };
}

bool isVerb(const QString& word, const QList<Verb>& verbs) {
    for (const Verb& v : verbs)
        if (word == QLatin1String(v.name)) return true;
    return false;
}

QString usage(const QList<Verb>& verbs) {
    QString text = QStringLiteral(
        "Usage: aelab [--help] [--version]          start the GUI\n"
        "       aelab [--open SESSION.aelab] [--lesson N|FILE.json] [--present]\n"
        "                                           start the GUI with a session, a\n"
        "                                           lesson (1 to 5: the built-in ones)\n"
        "                                           and/or in presentation mode\n"
        "       aelab VERB [options] [--help]       run headless\n\nVerbs:\n");
    for (const Verb& v : verbs)
        text += QStringLiteral("  %1  %2\n").arg(QLatin1String(v.name), -12).arg(v.summary);
    text +=
        QStringLiteral("\nExit codes: 0 done, 1 failed while running, 2 bad options or input.\n");
    return text;
}

// The one policy for what a verb did not catch itself (reliability.md, class
// 3): a one-line message naming the verb and exit 1, never an abort. Out of
// memory says which options size the run.
int runVerb(const Verb& v, const QStringList& args) {
    QString what;
    try {
        return v.run(args);
    } catch (const std::bad_alloc&) {
        what = "std::bad_alloc";
    } catch (const std::exception& e) {
        what = QString::fromUtf8(e.what());
    }
    return reportError(QLatin1String(v.name), runFailure(what));
}

// The run's folder goes in place as a whole, or not at all (run_folder.h).
int runCaught(const Verb& v, const QStringList& args) {
    const int code = runVerb(v, args);
    QString error;
    if (!finishRunFolder(code == 0, &error)) {
        QTextStream(stderr) << "aelab " << v.name << ": " << error << "\n";
        return 1;
    }
    return code;
}

int run(const QStringList& args, const QList<Verb>& verbs) {
    applyMemoryBudget();
    for (const Verb& v : verbs)
        if (args.value(1) == QLatin1String(v.name)) return runCaught(v, args);
    QTextStream(stderr) << "aelab: unknown verb \"" << args.value(1) << "\" (try aelab --help)\n";
    return 2;
}

} // namespace aelab::cli
