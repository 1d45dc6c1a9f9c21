// Saving and loading an image-lab DAE as a file of its own: the settings,
// the data it was trained on, the step and the trainer's state in one
// versioned archive (the model zoo ships these). A foreign, truncated or
// mismatched file is refused with a message naming it.
#include "core/training/archive_util.h"
#include "core/training/model_file_error.h"
#include "core/training/trainer_state.h"

#include "core/image/image_dae_trainer.h"

namespace aelab {

using archive::readValue;

namespace {
constexpr const char* kFormat = "autoencoder-lab image dae model";
constexpr int64_t kVersion = 1;

ImageDaeModelInfo readInfoFrom(torch::serialize::InputArchive& a) {
    archive::checkFormat(a, kFormat, "image DAE model", kVersion);
    ImageDaeModelInfo info;
    ImageDaeConfig& c = info.config;
    const std::string arch = readValue(a, "arch").toStringRef();
    const std::string loss = readValue(a, "loss").toStringRef();
    const auto noise = parseCorruption(readValue(a, "noise").toStringRef());
    if ((arch != "conv" && arch != "mlp") || (loss != "bce" && loss != "mse") || !noise)
        throw std::runtime_error("unknown network, loss or noise");
    c.arch = arch == "conv" ? ImageArch::Conv : ImageArch::Mlp;
    c.loss = loss == "bce" ? ImageLoss::Bce : ImageLoss::SquaredError;
    c.noise = *noise;
    c.base = int(readValue(a, "base").toInt());
    c.learningRate = readValue(a, "learning_rate").toDouble();
    c.batch = int(readValue(a, "batch").toInt());
    c.seed = std::uint64_t(readValue(a, "seed").toInt());
    info.dataset = readValue(a, "dataset").toStringRef();
    info.channels = readValue(a, "channels").toInt();
    info.height = readValue(a, "height").toInt();
    info.width = readValue(a, "width").toInt();
    info.step = readValue(a, "step").toInt();
    info.hasMoments = readValue(a, "has_moments").toBool();
    // Bounded before any net is built: the lab's own limit on the width.
    if (c.base < 2 || c.base > 2048 || c.batch < 1 || c.batch > 100000 || !(c.learningRate > 0) ||
        info.channels < 1 || info.channels > 4 || info.height < 1 || info.height > 4096 ||
        info.width < 1 || info.width > 4096 || info.step < 0)
        throw std::runtime_error("settings out of range");
    return info;
}
} // namespace

void ImageDaeTrainer::saveModel(const std::string& path, const std::string& dataset,
                                bool withMoments) {
    const ImageDaeConfig& c = config_;
    archive::writeModelFile<ModelFileError>(path, [&](torch::serialize::OutputArchive& a) {
        a.write("format", c10::IValue(std::string(kFormat)));
        a.write("version", c10::IValue(kVersion));
        a.write("arch", c10::IValue(archName(c.arch)));
        a.write("loss", c10::IValue(lossName(c.loss)));
        a.write("noise", c10::IValue(formatCorruption(c.noise)));
        a.write("base", c10::IValue(int64_t(c.base)));
        a.write("learning_rate", c10::IValue(c.learningRate));
        a.write("batch", c10::IValue(int64_t(c.batch)));
        a.write("seed", c10::IValue(int64_t(c.seed)));
        a.write("dataset", c10::IValue(dataset));
        a.write("channels", c10::IValue(train_.size(1)));
        a.write("height", c10::IValue(train_.size(2)));
        a.write("width", c10::IValue(train_.size(3)));
        a.write("has_moments", c10::IValue(withMoments));
        writeTrainerState(a, signature(), *model_, withMoments ? optimiser_.get() : nullptr, step_,
                          gen_);
    });
}

ImageDaeModelInfo ImageDaeTrainer::readModelInfo(const std::string& path) {
    return archive::readModelFile<ModelFileError>(path, readInfoFrom);
}

std::unique_ptr<ImageDaeTrainer> ImageDaeTrainer::loadModel(const std::string& path,
                                                            torch::Tensor train) {
    return archive::readModelFile<ModelFileError>(path, [&](torch::serialize::InputArchive& a) {
        const ImageDaeModelInfo info = readInfoFrom(a);
        if (train.dim() != 4 || train.size(1) != info.channels || train.size(2) != info.height ||
            train.size(3) != info.width)
            throw std::runtime_error("it was trained on " + std::to_string(info.channels) + "x" +
                                     std::to_string(info.height) + "x" +
                                     std::to_string(info.width) +
                                     " images, not the ones loaded now");
        auto t = std::make_unique<ImageDaeTrainer>(std::move(train), info.config);
        t->step_ = readTrainerState(a, t->signature(), *t->model_, *t->optimiser_, t->gen_);
        t->saveGood();
        return t;
    });
}

} // namespace aelab
