// aelab dvae-compare: Im et al.'s comparison on their protocol
// (docs/references.md §3, docs/dvae-lab.md): each model for each seed on the
// same fixed binary data, the training and test −ELBO along the way, then the
// test NLL with the clean-input proposal (3.6) and, for the denoising models,
// the mixture proposal (3.8). Writes compare.json (per model: the seeds' NLLs,
// their mean and sd, the bounds) and compare.png (bounds against epochs).
#include "core/vae/vae_trainer.h"
#include "datasets/image_set.h"
#include "datasets/image_source.h"
#include <torch/types.h>

#include "cli/args.h"
#include "cli/output.h"
#include "cli/run_folder.h"
#include "cli/training_loop.h"
#include "cli/verbs.h"
#include "widgets/plot_export.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <qcustomplot.h>

#include <cmath>
#include <numeric>
#include <optional>
#include <variant>

namespace aelab::cli {

namespace {
constexpr int kCurvePoints = 30; // bound evaluations along each run

struct CompareRequest {
    aelab::VaeConfig config;
    QList<aelab::VaeModel> models;
    QList<std::uint64_t> seeds;
    QString dataset, binarize;
    double epochs = 0;
    long long kEval = 0, mixture = 0, trainImages = 0, evalImages = 0;
    QDir out;
};

void declareCompareOptions(CliArgs& a) {
    a.addOption("dataset", "mnist, fashion-mnist, lines or folder:PATH.", "mnist");
    a.addOption("models", "Comma-separated: vae, dvae, iwae, diwae.", "vae,dvae");
    a.addOption("seeds", "Comma-separated seeds, one run of each model each.", "1,2,3");
    a.addOption("binarize", "fixed (the paper's protocol) or resample (augmentation).", "fixed");
    a.addOption("train-images", "Training images, class-balanced; 0: all.", "1000");
    a.addOption("eval-images", "Test images for the bounds and the NLL.", "250");
    a.addOption("epochs", "Passes over the training images.", "300");
    a.addOption("noise", "Corruption of the denoising models.", "saltpepper:0.1");
    a.addOption("k", "Importance samples when training IWAE and DIWAE.", "5");
    a.addOption("k-eval", "Importance samples per test image for the NLL.", "500");
    a.addOption("nll-mixture", "Corrupted copies in the denoising models' mixture proposal.", "10");
    a.addOption("decoder-layers", "Hidden layers of the decoder (the authors': 1).", "1");
    a.addOption("clip-norm", "Gradient-norm clipping (the authors': 5); 0: none.", "5");
    a.addOption("kl", "analytic (closed form, as the authors) or sampled.", "analytic");
    a.addOption("lr", "Adam learning rate.", "0.001");
    a.addOption("batch", "Minibatch size.", "100");
    a.addOption("out", "Output folder (created if missing).");
}

template <typename T, typename Parse>
bool readList(CliArgs& a, const QString& name, QList<T>& out, Parse parse) {
    for (const QString& part : a.text(name).split(',', Qt::SkipEmptyParts)) {
        const std::optional<T> value = parse(part.trimmed());
        if (!value) {
            a.fail(QStringLiteral("--%1: cannot read \"%2\"").arg(name, part));
            return false;
        }
        out << *value;
    }
    if (out.isEmpty()) a.fail(QStringLiteral("--%1: give at least one").arg(name));
    return !out.isEmpty();
}

bool readCompareRequest(CliArgs& a, CompareRequest& r) {
    aelab::VaeConfig& c = r.config;
    long long k = 0, batch = 0, decoderLayers = 1;
    QString kl;
    if (!readList<aelab::VaeModel>(
            a, "models", r.models,
            [](const QString& s) { return aelab::parseVaeModel(s.toStdString()); }) ||
        !readList<std::uint64_t>(a, "seeds", r.seeds,
                                 [](const QString& s) -> std::optional<std::uint64_t> {
                                     bool ok = false;
                                     const qulonglong v = s.toULongLong(&ok);
                                     return ok ? std::optional<std::uint64_t>(v) : std::nullopt;
                                 }) ||
        !a.choice("binarize", {"fixed", "resample"}, r.binarize) ||
        !a.integer("train-images", 0, 100000000, r.trainImages) ||
        !a.integer("eval-images", 1, 100000000, r.evalImages) ||
        !a.number("epochs", 0, 100000, r.epochs) || !a.integer("k", 1, 10000, k) ||
        !a.integer("k-eval", 1, 10000000, r.kEval) ||
        !a.integer("nll-mixture", 0, 1000, r.mixture) ||
        !a.integer("decoder-layers", 1, 2, decoderLayers) ||
        !a.number("clip-norm", 0, 1e9, c.clipNorm) ||
        !a.choice("kl", {"analytic", "sampled"}, kl) || !a.number("lr", 1e-7, 10, c.learningRate) ||
        !a.integer("batch", 1, 100000, batch) || !readImageSource(a, r.dataset))
        return false;
    if (!readNoise(a, c.noise)) return false;
    c.samples = int(k);
    c.batch = int(batch);
    c.decoderLayers = int(decoderLayers);
    c.analyticKl = kl == "analytic";
    c.binarize = r.binarize == "fixed" ? aelab::Binarize::Fixed : aelab::Binarize::Resample;
    return true;
}

// One model, one seed: its bounds along the way and its NLLs at the end.
struct RunResult {
    QVector<QPointF> trainCurve, testCurve; // (epoch, −ELBO)
    double nll = 0, nllMixture = 0, trainElbo = 0, testElbo = 0, seconds = 0;
};

using CompareOutputs = QMap<aelab::VaeModel, QList<RunResult>>;

std::variant<RunResult, VerbError> runOne(const CompareRequest& r, const aelab::ImageSet& data,
                                          const torch::Tensor& evalSet, aelab::VaeConfig c) {
    aelab::VaeTrainer trainer(data.train, c);
    const long long steps =
        std::llround(std::ceil(r.epochs * double(data.train.size(0)) / double(c.batch)));
    RunResult out;
    for (int p = 1; p <= kCurvePoints; ++p) {
        const long long until = steps * p / kCurvePoints;
        const CliTraining t = trainForCli(trainer, until - trainer.step());
        out.seconds += t.seconds;
        if (t.diverged) return runFailure(divergenceMessage(trainer.step(), t.badLoss));
        out.trainElbo = -trainer.evaluateTrainBound(1, 1000);
        out.testElbo = -trainer.evaluateBound(evalSet, 1, evalSet.size(0));
        out.trainCurve << QPointF(trainer.epochs(), out.trainElbo);
        out.testCurve << QPointF(trainer.epochs(), out.testElbo);
    }
    out.nll = trainer.estimateNll(evalSet, int(r.kEval));
    if (aelab::isDenoising(c.model) && r.mixture > 0)
        out.nllMixture = trainer.estimateNllMixture(evalSet, int(r.kEval), int(r.mixture));
    return out;
}

RunOutcome<CompareOutputs> compareModels(const CompareRequest& r) {
    aelab::ImageSet data;
    try {
        data = aelab::loadImageSource(r.dataset.toStdString());
        if (r.trainImages > 0) data = aelab::withTrainingImages(data, r.trainImages);
    } catch (const std::exception& e) {
        return badInput(QString::fromStdString(e.what()));
    }
    const torch::Tensor evalSet = aelab::evenlySpaced(data.test, r.evalImages);
    CompareOutputs outputs;
    for (aelab::VaeModel model : r.models)
        for (std::uint64_t seed : r.seeds) {
            aelab::VaeConfig c = r.config;
            c.model = model;
            c.seed = seed;
            try {
                auto one = runOne(r, data, evalSet, c);
                if (auto* failed = std::get_if<VerbError>(&one)) return *failed;
                outputs[model] << std::get<RunResult>(one);
            } catch (const std::exception& e) {
                return badInput(QString::fromStdString(e.what()));
            }
        }
    return outputs;
}

// Step 3: compare.json, compare.png and the summary lines.

// Adds the mean and the sample standard deviation of v as prefix + "mean"
// and prefix + "sd".
void addMeanAndSd(QJsonObject& m, const QVector<double>& v, const QString& prefix) {
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    double ss = 0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    m.insert(prefix + "mean", mean);
    m.insert(prefix + "sd", v.size() > 1 ? std::sqrt(ss / double(v.size() - 1)) : 0.0);
}

QJsonObject compareJson(const CompareRequest& r, const CompareOutputs& o) {
    QJsonObject models;
    for (auto it = o.begin(); it != o.end(); ++it) {
        QJsonArray seeds, nll, mixture, trainElbo, testElbo, seconds;
        QVector<double> nlls, mixtures;
        for (int i = 0; i < it.value().size(); ++i) {
            const RunResult& run = it.value()[i];
            seeds << double(r.seeds[i]);
            nll << run.nll;
            nlls << run.nll;
            trainElbo << run.trainElbo;
            testElbo << run.testElbo;
            seconds << run.seconds;
            if (run.nllMixture > 0) {
                mixture << run.nllMixture;
                mixtures << run.nllMixture;
            }
        }
        QJsonObject m{{"seeds", seeds},
                      {"test_nll", nll},
                      {"train_elbo", trainElbo},
                      {"test_elbo", testElbo},
                      {"seconds", seconds}};
        addMeanAndSd(m, nlls, "");
        if (!mixtures.isEmpty()) {
            m.insert("test_nll_mixture", mixture);
            addMeanAndSd(m, mixtures, "mixture_");
        }
        models.insert(QString::fromStdString(aelab::vaeModelName(it.key())), m);
    }
    return {{"dataset", r.dataset},
            {"binarize", r.binarize},
            {"train_images", double(r.trainImages)},
            {"eval_images", double(r.evalImages)},
            {"epochs", r.epochs},
            {"noise", QString::fromStdString(aelab::formatCorruption(r.config.noise))},
            {"k_eval", double(r.kEval)},
            {"nll_mixture_copies", double(r.mixture)},
            {"decoder_layers", r.config.decoderLayers},
            {"clip_norm", r.config.clipNorm},
            {"analytic_kl", r.config.analyticKl},
            {"models", models},
            {"unit", "nats per image; −ELBO and NLL on binarised images"}};
}

// The bounds against epochs: a colour per model, test −ELBO solid, training
// −ELBO dashed, one curve per seed.
bool writeComparePlot(const CompareOutputs& o, const QString& path, QString* error) {
    const QColor colours[] = {QColor(40, 90, 200), QColor(200, 40, 40), QColor(30, 140, 60),
                              QColor(200, 130, 0)};
    QCustomPlot plot;
    plot.xAxis->setLabel("epoch");
    plot.yAxis->setLabel("−ELBO, nats per image (solid: test, dashed: training)");
    plot.legend->setVisible(true);
    int m = 0;
    for (auto it = o.begin(); it != o.end(); ++it, ++m) {
        const QString name = QString::fromStdString(aelab::vaeModelTitle(it.key()));
        for (int i = 0; i < it.value().size(); ++i)
            for (bool test : {true, false}) {
                QCPGraph* g = plot.addGraph();
                g->setPen(QPen(colours[m % 4], 1.5, test ? Qt::SolidLine : Qt::DashLine));
                for (const QPointF& p : test ? it.value()[i].testCurve : it.value()[i].trainCurve)
                    g->addData(p.x(), p.y());
                g->setName(name + (test ? " test" : " training"));
                if (i > 0) g->removeFromLegend();
            }
    }
    plot.rescaleAxes();
    return exportPlot(&plot, path, 900, 560, error);
}

bool writeCompareOutputs(const CompareRequest& r, const CompareOutputs& o, QString* error) {
    const QJsonObject json = compareJson(r, o);
    if (!writeJson(r.out.filePath("compare.json"), json, error) ||
        !writeComparePlot(o, r.out.filePath("compare.png"), error))
        return false;
    QTextStream text(stdout);
    const QJsonObject models = json.value("models").toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QJsonObject m = it.value().toObject();
        text << "dvae-compare " << it.key() << ": test NLL " << m.value("mean").toDouble() << " ± "
             << m.value("sd").toDouble();
        if (m.contains("mixture_mean"))
            text << " (mixture proposal " << m.value("mixture_mean").toDouble() << " ± "
                 << m.value("mixture_sd").toDouble() << ")";
        text << " over " << m.value("seeds").toArray().size() << " seeds\n";
    }
    text << "-> " << shownPath(r.out.path()) << "\n";
    return true;
}

} // namespace

int runDvaeCompareVerb(const QStringList& args) {
    CliArgs a("dvae-compare", "Compare VAE-family models over seeds on the paper's protocol.");
    declareCompareOptions(a);
    CompareRequest request;
    if (const std::optional<int> stop = parseVerbArgs(a, args)) return *stop;
    if (!readCompareRequest(a, request)) return usageError(a);
    if (const int code = openOutputDir(a, request.out)) return code;
    const RunOutcome<CompareOutputs> outcome = compareModels(request);
    if (const auto* failed = std::get_if<VerbError>(&outcome)) return reportError(a, *failed);
    QString error;
    if (!writeCompareOutputs(request, std::get<CompareOutputs>(outcome), &error))
        return runError(a, error);
    return 0;
}

} // namespace aelab::cli
