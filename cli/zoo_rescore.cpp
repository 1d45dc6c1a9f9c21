#include "core/image/image_dae_trainer.h"
#include "core/interp/interp_trainer.h"
#include "core/interp/lines_protocol.h"
#include "core/vae/vae_trainer.h"
#include "datasets/image_set.h"
#include "datasets/image_source.h"

#include "cli/zoo_rescore.h"

namespace aelab::cli {

namespace {
QString firstLine(const std::exception& e) {
    return QString::fromStdString(e.what()).section('\n', 0, 0);
}

// The test NLL as `aelab dvae` reports it: the same data, subset and seeds.
double vaeTestNll(const std::string& file, int images, int k) {
    const aelab::VaeModelInfo info = aelab::VaeTrainer::readModelInfo(file);
    aelab::ImageSet data = aelab::loadImageSource(info.dataset);
    if (info.config.trainImages > 0)
        data = aelab::withTrainingImages(data, info.config.trainImages);
    auto trainer = aelab::VaeTrainer::loadModel(file, data.train);
    return trainer->estimateNll(aelab::evenlySpaced(data.test, images), k);
}

// The test loss as `aelab image-dae` reports it.
double imageDaeTestLoss(const std::string& file, int images) {
    const aelab::ImageDaeModelInfo info = aelab::ImageDaeTrainer::readModelInfo(file);
    aelab::ImageSourceOptions options;
    options.linesSeed = info.config.seed;
    const aelab::ImageSet data = aelab::loadImageSource(info.dataset, options);
    auto trainer = aelab::ImageDaeTrainer::loadModel(file, data.train);
    return trainer->evaluateLoss(data.test, images);
}
} // namespace

RescoreOutcome rescoreLinesModel(const QString& file, int pairs, int frames) {
    RescoreOutcome out;
    try {
        // Scoring never trains: one blank image stands for the training set.
        auto trainer = aelab::InterpTrainer::load(file.toStdString(), torch::zeros({1, 1, 32, 32}));
        const auto sequences = aelab::modelSequences(*trainer, pairs, frames);
        static const aelab::LinesBenchmark bench;
        const aelab::LinesScore raw = bench.score(sequences);
        const aelab::LinesScore drawn = bench.scoreAsDrawn(sequences);
        out.score = {raw.meanDistance, raw.smoothness, drawn.meanDistance,
                     drawn.smoothness, pairs,          frames};
    } catch (const std::exception& e) {
        out.error = firstLine(e);
    }
    return out;
}

TestRescore rescoreImageModel(const QString& lab, const QString& file, int images, int k) {
    TestRescore out;
    try {
        out.value = lab == zoo::kDvaeLab ? vaeTestNll(file.toStdString(), images, k)
                                         : imageDaeTestLoss(file.toStdString(), images);
    } catch (const std::exception& e) {
        out.error = firstLine(e);
    }
    return out;
}

} // namespace aelab::cli
