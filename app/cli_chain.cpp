// aelab chain: train the field lab's DAE (or reuse the same settings), then
// run a sampling chain from uniform noise and measure how close it gets.
#include "chain_sampler.h"
#include "field_denoiser.h"
#include "sample_distance.h"
#include "toy2d.h"

#include "cli_args.h"
#include "cli_field_common.h"
#include "cli_output.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

int runChainVerb(const QStringList& args) {
    CliArgs a("chain", "Run an iterative DAE sampling chain on 2D data and measure it.");
    addFieldOptions(a);
    a.addOption("train-steps", "Training steps before the chain.", "3000");
    a.addOption("particles", "Particles, started uniformly over the plot's box.", "2000");
    a.addOption("chain-steps", "Chain steps.", "100");
    a.addOption("inject", "Std of the noise injected before each step (0: x <- r(x)).", "0");
    a.addOption("out", "Output folder (created if missing).");
    if (!a.parse(args)) return usageError(a);
    if (a.helpRequested()) return printHelp(a);
    aelab::FieldConfig config;
    long long trainSteps = 0, particles = 0, chainSteps = 0;
    double inject = 0;
    if (!readFieldOptions(a, config) || !a.integer("train-steps", 0, 100000000, trainSteps) ||
        !a.integer("particles", 1, 1000000, particles) || !a.integer("chain-steps", 0, 1000000, chainSteps) ||
        !a.number("inject", 0, 10, inject))
        return usageError(a);
    QDir out;
    TrainedField trained;
    if (int code = openOutputDir(a, out)) return code;
    if (int code = trainField(a, config, trainSteps, trained)) return code;
    aelab::FieldTrainer* trainer = trained.trainer.get();
    const double trainSeconds = trained.seconds;
    QString error;
    QElapsedTimer clock;

    const auto data = aelab::makeToy2D(config.data);
    const aelab::Box2D box = trainer->grid().box;
    aelab::ChainSampler chain(aelab::fieldDenoiser(*trainer),
                              aelab::uniformParticles(particles, box.x0, box.x1, box.y0, box.y1, config.seed),
                              config.seed + 1);
    chain.setInjection(inject);
    QJsonArray distances;
    QString csv = "step,particle,x,y\n";
    auto record = [&](long long step) {
        distances.append(aelab::energyDistance(chain.particles(), data));
        if (step % 10 != 0) return;
        auto p = chain.particles().contiguous();
        const float* v = p.data_ptr<float>();
        for (int64_t i = 0; i < p.size(0); ++i)
            csv += QStringLiteral("%1,%2,%3,%4\n").arg(step).arg(i).arg(v[2 * i], 0, 'g', 7).arg(v[2 * i + 1], 0, 'g', 7);
    };
    clock.start();
    record(0);
    for (long long s = 1; s <= chainSteps; ++s) {
        chain.step();
        record(s);
    }
    const double chainSeconds = clock.nsecsElapsed() * 1e-9;
    const QJsonObject metrics{{"distance_metric", "energy distance (Szekely & Rizzo), data units"},
                              {"distance_start", distances.first()},
                              {"distance_end", distances.last()},
                              {"distances", distances},
                              {"train_steps", double(trainSteps)},
                              {"train_seconds", trainSeconds},
                              {"chain_seconds", chainSeconds},
                              {"particles", double(particles)},
                              {"inject", inject}};
    if (!writeJson(out.filePath("metrics.json"), metrics, &error) ||
        !writeText(out.filePath("chain.csv"), csv, &error)) {
        QTextStream(stderr) << "aelab chain: " << error << "\n";
        return 1;
    }
    QTextStream(stdout) << "chain: energy distance " << distances.first().toDouble() << " -> "
                        << distances.last().toDouble() << " over " << chainSteps << " steps -> "
                        << out.path() << "\n";
    return 0;
}
