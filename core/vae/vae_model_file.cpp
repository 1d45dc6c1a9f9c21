// Saving and loading a DVAE-lab model as a file of its own: the settings,
// the data it was trained on, the step and the trainer's state in one
// versioned archive (the model zoo ships these). A foreign, truncated or
// mismatched file is refused with a message naming it.
#include "core/training/archive_util.h"
#include "core/training/model_file_error.h"
#include "core/training/trainer_state.h"

#include "core/vae/vae_trainer.h"

namespace aelab {

using archive::readValue;

namespace {
constexpr const char* kFormat = "autoencoder-lab vae model";
constexpr int64_t kVersion = 1;

void writeConfig(torch::serialize::OutputArchive& a, const VaeConfig& c) {
    a.write("model", c10::IValue(vaeModelName(c.model)));
    a.write("arch", c10::IValue(std::string(c.arch == VaeArch::Mlp ? "mlp" : "conv")));
    a.write("hidden", c10::IValue(int64_t(c.hidden)));
    a.write("latent", c10::IValue(int64_t(c.latent)));
    a.write("samples", c10::IValue(int64_t(c.samples)));
    a.write("noise", c10::IValue(formatCorruption(c.noise)));
    a.write("learning_rate", c10::IValue(c.learningRate));
    a.write("batch", c10::IValue(int64_t(c.batch)));
    a.write("seed", c10::IValue(int64_t(c.seed)));
    a.write("binarize",
            c10::IValue(std::string(c.binarize == Binarize::Fixed ? "fixed" : "resample")));
    a.write("decoder_layers", c10::IValue(int64_t(c.decoderLayers)));
    a.write("clip_norm", c10::IValue(c.clipNorm));
    a.write("analytic_kl", c10::IValue(c.analyticKl));
    a.write("lr_decay_epochs", c10::IValue(c.lrDecayEpochs));
    a.write("lr_decay", c10::IValue(c.lrDecay));
    a.write("train_images", c10::IValue(int64_t(c.trainImages)));
}

VaeConfig readConfig(torch::serialize::InputArchive& a) {
    VaeConfig c;
    const auto model = parseVaeModel(readValue(a, "model").toStringRef());
    const auto noise = parseCorruption(readValue(a, "noise").toStringRef());
    const std::string arch = readValue(a, "arch").toStringRef();
    const std::string binarize = readValue(a, "binarize").toStringRef();
    if (!model || !noise || (arch != "mlp" && arch != "conv") ||
        (binarize != "fixed" && binarize != "resample"))
        throw std::runtime_error("unknown model, network, noise or binarisation");
    c.model = *model;
    c.noise = *noise;
    c.arch = arch == "mlp" ? VaeArch::Mlp : VaeArch::Conv;
    c.binarize = binarize == "fixed" ? Binarize::Fixed : Binarize::Resample;
    c.hidden = int(readValue(a, "hidden").toInt());
    c.latent = int(readValue(a, "latent").toInt());
    c.samples = int(readValue(a, "samples").toInt());
    c.learningRate = readValue(a, "learning_rate").toDouble();
    c.batch = int(readValue(a, "batch").toInt());
    c.seed = std::uint64_t(readValue(a, "seed").toInt());
    c.decoderLayers = int(readValue(a, "decoder_layers").toInt());
    c.clipNorm = readValue(a, "clip_norm").toDouble();
    c.analyticKl = readValue(a, "analytic_kl").toBool();
    c.lrDecayEpochs = readValue(a, "lr_decay_epochs").toDouble();
    c.lrDecay = readValue(a, "lr_decay").toDouble();
    c.trainImages = readValue(a, "train_images").toInt();
    // Bounded before any net is built: a crafted file must not make the lab
    // allocate gigabytes (hidden 4,096 is 64 MB a square layer).
    if (c.hidden < 1 || c.hidden > 4096 || c.latent < 1 || c.latent > 2048 || c.samples < 1 ||
        c.samples > 10000 || c.batch < 1 || c.batch > 100000 || !(c.learningRate > 0) ||
        c.trainImages < 0)
        throw std::runtime_error("settings out of range");
    return c;
}

VaeModelInfo readInfoFrom(torch::serialize::InputArchive& a) {
    archive::checkFormat(a, kFormat, "VAE model", kVersion);
    VaeModelInfo info;
    info.config = readConfig(a);
    info.dataset = readValue(a, "dataset").toStringRef();
    info.channels = readValue(a, "channels").toInt();
    info.height = readValue(a, "height").toInt();
    info.width = readValue(a, "width").toInt();
    info.trainingImages = readValue(a, "training_images").toInt();
    info.step = readValue(a, "step").toInt();
    info.hasMoments = readValue(a, "has_moments").toBool();
    if (info.channels < 1 || info.channels > 4 || info.height < 1 || info.height > 4096 ||
        info.width < 1 || info.width > 4096 || info.trainingImages < 1 || info.step < 0)
        throw std::runtime_error("image shape or step out of range");
    return info;
}
} // namespace

void VaeTrainer::saveModel(const std::string& path, const std::string& dataset, bool withMoments) {
    archive::writeModelFile<ModelFileError>(path, [&](torch::serialize::OutputArchive& a) {
        a.write("format", c10::IValue(std::string(kFormat)));
        a.write("version", c10::IValue(kVersion));
        writeConfig(a, config_);
        a.write("dataset", c10::IValue(dataset));
        a.write("channels", c10::IValue(train_.size(1)));
        a.write("height", c10::IValue(train_.size(2)));
        a.write("width", c10::IValue(train_.size(3)));
        a.write("training_images", c10::IValue(train_.size(0)));
        a.write("has_moments", c10::IValue(withMoments));
        writeTrainerState(a, signature(), *model_, withMoments ? optimiser_.get() : nullptr, step_,
                          gen_);
    });
}

VaeModelInfo VaeTrainer::readModelInfo(const std::string& path) {
    return archive::readModelFile<ModelFileError>(path, readInfoFrom);
}

std::unique_ptr<VaeTrainer> VaeTrainer::loadModel(const std::string& path, torch::Tensor train) {
    return archive::readModelFile<ModelFileError>(path, [&](torch::serialize::InputArchive& a) {
        const VaeModelInfo info = readInfoFrom(a);
        if (train.dim() != 4 || train.size(0) != info.trainingImages ||
            train.size(1) != info.channels || train.size(2) != info.height ||
            train.size(3) != info.width)
            throw std::runtime_error("it was trained on " + std::to_string(info.trainingImages) +
                                     " images of " + std::to_string(info.channels) + "x" +
                                     std::to_string(info.height) + "x" +
                                     std::to_string(info.width) + ", not the ones loaded now");
        auto t = std::make_unique<VaeTrainer>(std::move(train), info.config);
        t->step_ = readTrainerState(a, t->signature(), *t->model_, *t->optimiser_, t->gen_);
        t->followSchedule();
        t->saveGood();
        return t;
    });
}

} // namespace aelab
