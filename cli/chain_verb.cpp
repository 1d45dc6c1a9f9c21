// aelab chain: train the field lab's DAE (or reuse the same settings), then
// run a sampling chain from uniform noise and measure how close it gets.
#include "core/sampling/chain_sampler.h"
#include "core/field/field_denoiser.h"
#include "core/field/ideal_field.h"
#include "core/metrics/sample_distance.h"
#include <torch/types.h>

#include "cli/args.h"
#include "cli/verbs.h"
#include "cli/field_common.h"
#include "cli/output.h"
#include "widgets/field_plot.h"
#include "app/labs/field/field_snapshot.h"
#include "app/labkit/movie_writer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace aelab::cli {

int runChainVerb(const QStringList& args) {
    CliArgs a("chain", "Run an iterative DAE sampling chain on 2D data and measure it.");
    addFieldOptions(a);
    a.addOption("train-steps", "Training steps before the chain.", "3000");
    a.addOption("particles", "Particles, started uniformly over the plot's box.", "2000");
    a.addOption("chain-steps", "Chain steps.", "100");
    a.addOption("inject", "Std of the noise injected before each step (0: x <- r(x)).", "0");
    a.addOption("denoiser",
                "learned (the trained DAE) or ideal (the exact r* of the training set).",
                "learned");
    a.addOption("fps", "Frame rate of chain.gif and chain.mp4 (one frame per step).", "15");
    a.addOption("video-size", "Side of the square video frames, in pixels.", "640");
    a.addFlag("arrows", "Draw the learned field's arrows under the particles.");
    a.addOption("out", "Output folder (created if missing).");
    if (!a.parse(args)) return usageError(a);
    if (a.helpRequested()) return printHelp(a);
    aelab::FieldConfig config;
    long long trainSteps = 0, particles = 0, chainSteps = 0;
    long long videoSize = 0;
    double inject = 0, fps = 0;
    QString denoiserName;
    if (!readFieldOptions(a, config) || !a.integer("train-steps", 0, 100000000, trainSteps) ||
        !a.integer("particles", 1, 1000000, particles) ||
        !a.integer("chain-steps", 0, 1000000, chainSteps) || !a.number("inject", 0, 10, inject) ||
        !a.number("fps", 0.5, 60, fps) || !a.integer("video-size", 64, 4096, videoSize) ||
        !a.choice("denoiser", {"learned", "ideal"}, denoiserName))
        return usageError(a);
    QDir out;
    TrainedField trained;
    if (int code = openOutputDir(a, out)) return code;
    trainSteps = trainingSteps(a, "train-steps", trainSteps);
    if (int code = trainField(a, config, trainSteps, trained)) return code;
    aelab::FieldTrainer* trainer = trained.trainer.get();
    const double trainSeconds = trained.seconds;
    QString error;
    QElapsedTimer clock;

    const std::vector<float> dataXY = trainer->dataXY();
    const auto data =
        torch::from_blob(const_cast<float*>(dataXY.data()), {int64_t(dataXY.size() / 2), 2});
    const aelab::Box2D box = trainer->grid().box;
    // The ideal denoiser shows what the chain does when r is exactly r*
    // (docs/references.md §1): any gap to it is the network's, not the method's.
    const double sigma = trainer->config().sigma;
    const aelab::Denoiser denoiser = denoiserName == "ideal"
                                         ? aelab::Denoiser([&data, sigma](const torch::Tensor& x) {
                                               return aelab::idealReconstruct(data, x, sigma);
                                           })
                                         : aelab::fieldDenoiser(*trainer);
    aelab::ChainSampler chain(
        denoiser, aelab::uniformParticles(particles, box.x0, box.x1, box.y0, box.y1, config.seed),
        config.seed + 1);
    chain.setInjection(inject);

    // The animation: the same plot as the GUI, drawn off screen, one frame a step.
    FieldPlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    plot.resize(int(videoSize), int(videoSize));
    plot.show();
    plot.setFieldData(toViewData(trainer->evaluate(), dataXY));
    plot.setShowIdeal(false);
    plot.setShowLearned(a.isSet("arrows"));
    MovieWriter movie;
    if (!movie.open({out.filePath("chain.gif"), out.filePath("chain.mp4")},
                    QSize(int(videoSize), int(videoSize)), fps, &error))
        return runError(a, error);
    bool movieOk = true;
    QElapsedTimer renderClock;
    double renderSeconds = 0;
    QJsonArray distances;
    QString csv = "step,particle,x,y\n";
    auto record = [&](long long step) {
        distances.append(aelab::energyDistance(chain.particles(), data));
        auto p = chain.particles().contiguous();
        const float* v = p.data_ptr<float>();
        const QVector<QPointF> points = toPoints(v, p.size(0));
        renderClock.start();
        plot.pushParticles(points);
        plot.setTitleText(QStringLiteral("chain step %1 · inject s = %2 · energy distance %3")
                              .arg(step)
                              .arg(inject)
                              .arg(distances.last().toDouble(), 0, 'f', 3));
        movieOk = movieOk &&
                  movie.addFrame(plot.toPixmap(int(videoSize), int(videoSize)).toImage(), &error);
        renderSeconds += renderClock.nsecsElapsed() * 1e-9;
        if (step % 10 != 0) return;
        for (int64_t i = 0; i < p.size(0); ++i)
            csv += QStringLiteral("%1,%2,%3,%4\n")
                       .arg(step)
                       .arg(i)
                       .arg(v[2 * i], 0, 'g', 7)
                       .arg(v[2 * i + 1], 0, 'g', 7);
    };
    clock.start();
    record(0);
    for (long long s = 1; s <= chainSteps; ++s) {
        chain.step();
        record(s);
    }
    const double chainSeconds = clock.nsecsElapsed() * 1e-9;
    if (!movieOk || !movie.finish(&error)) return runError(a, error);
    const QJsonObject metrics{{"distance_metric", "energy distance (Szekely & Rizzo), data units"},
                              {"distance_start", distances.first()},
                              {"distance_end", distances.last()},
                              {"distances", distances},
                              {"train_steps", double(trainSteps)},
                              {"train_seconds", trainSeconds},
                              {"chain_seconds", chainSeconds - renderSeconds},
                              {"video_seconds", renderSeconds},
                              {"particles", double(particles)},
                              {"inject", inject},
                              {"denoiser", denoiserName},
                              {"video_frames", double(chainSteps + 1)},
                              {"fps", fps}};
    if (!writeJson(out.filePath("metrics.json"), metrics, &error) ||
        !writeText(out.filePath("chain.csv"), csv, &error))
        return runError(a, error);
    QTextStream(stdout) << "chain: energy distance " << distances.first().toDouble() << " -> "
                        << distances.last().toDouble() << " over " << chainSteps << " steps -> "
                        << out.path() << "\n";
    return 0;
}

} // namespace aelab::cli
