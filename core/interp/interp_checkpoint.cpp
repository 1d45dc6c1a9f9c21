// Saving and loading an interpolation-lab model: settings, step, every net
// and both optimisers in one versioned archive; a foreign, truncated or
// mismatched file is refused with a message naming it.
#include "core/training/archive_util.h"
#include "core/io/atomic_file.h"

#include <sstream>
#include "core/interp/interp_trainer.h"

namespace aelab {

using archive::readValue;

namespace {
constexpr const char* kFormat = "autoencoder-lab interpolation model";
constexpr int64_t kVersion = 1;

InterpCheckpointInfo readInfoFrom(torch::serialize::InputArchive& a) {
    archive::checkFormat(a, kFormat, "interpolation model", kVersion);
    InterpCheckpointInfo info;
    InterpConfig& c = info.config;
    const auto model = parseInterpModel(readValue(a, "model").toStringRef());
    if (!model) throw std::runtime_error("unknown model");
    c.model = *model;
    c.depth = int(readValue(a, "depth").toInt());
    c.scales = int(readValue(a, "scales").toInt());
    c.latentChannels = int(readValue(a, "latent_channels").toInt());
    c.lambda = readValue(a, "lambda").toDouble();
    c.gamma = readValue(a, "gamma").toDouble();
    c.noiseStd = readValue(a, "noise_std").toDouble();
    c.klWeight = readValue(a, "kl_weight").toDouble();
    c.learningRate = readValue(a, "learning_rate").toDouble();
    c.batch = int(readValue(a, "batch").toInt());
    c.seed = std::uint64_t(readValue(a, "seed").toInt());
    info.dataset = readValue(a, "dataset").toStringRef();
    info.channels = int(readValue(a, "channels").toInt());
    info.height = int(readValue(a, "height").toInt());
    info.width = int(readValue(a, "width").toInt());
    info.step = readValue(a, "step").toInt();
    if (c.depth < 1 || c.depth > 512 || c.batch < 1 || !(c.learningRate > 0) ||
        !checkInterpShape(c, info.channels, info.height, info.width).empty())
        throw std::runtime_error("settings out of range");
    return info;
}

void saveModule(torch::serialize::OutputArchive& a, const std::string& key,
                const torch::nn::Module& m) {
    torch::serialize::OutputArchive part;
    m.save(part);
    a.write(key, part);
}
void loadModule(torch::serialize::InputArchive& a, const std::string& key, torch::nn::Module& m) {
    torch::serialize::InputArchive part;
    a.read(key, part);
    m.load(part);
}
} // namespace

void InterpTrainer::save(const std::string& path, const std::string& dataset) const {
    try {
        writeBytesAtomically(path, saveBytes(dataset));
    } catch (const std::exception& e) {
        throw ModelFileError("cannot write model " + path + ": " + archive::firstLine(e));
    }
}

std::string InterpTrainer::saveBytes(const std::string& dataset) const {
    const InterpConfig& c = config_;
    try {
        torch::serialize::OutputArchive a;
        a.write("format", c10::IValue(std::string(kFormat)));
        a.write("version", c10::IValue(kVersion));
        a.write("model", c10::IValue(modelName(c.model)));
        a.write("depth", c10::IValue(int64_t(c.depth)));
        a.write("scales", c10::IValue(int64_t(c.scales)));
        a.write("latent_channels", c10::IValue(int64_t(c.latentChannels)));
        a.write("lambda", c10::IValue(c.lambda));
        a.write("gamma", c10::IValue(c.gamma));
        a.write("noise_std", c10::IValue(c.noiseStd));
        a.write("kl_weight", c10::IValue(c.klWeight));
        a.write("learning_rate", c10::IValue(c.learningRate));
        a.write("batch", c10::IValue(int64_t(c.batch)));
        a.write("seed", c10::IValue(int64_t(c.seed)));
        a.write("dataset", c10::IValue(dataset));
        a.write("channels", c10::IValue(train_.size(1)));
        a.write("height", c10::IValue(train_.size(2)));
        a.write("width", c10::IValue(train_.size(3)));
        a.write("step", c10::IValue(int64_t(step_)));
        // The batch and noise generator, so training on from a checkpoint is
        // the run that never stopped.
        a.write("generator", gen_.get_state());
        saveModule(a, "encoder", *encoder_);
        saveModule(a, "decoder", *decoder_);
        torch::serialize::OutputArchive adam;
        aeOptimiser_->save(adam);
        a.write("adam", adam);
        if (critic_) {
            saveModule(a, "critic", *critic_);
            torch::serialize::OutputArchive criticAdam;
            criticOptimiser_->save(criticAdam);
            a.write("critic_adam", criticAdam);
        }
        std::ostringstream bytes;
        a.save_to(bytes);
        return bytes.str();
    } catch (const std::exception& e) {
        throw ModelFileError("cannot save the model: " + archive::firstLine(e));
    }
}

InterpCheckpointInfo InterpTrainer::readInfo(const std::string& path) {
    return archive::readModelFile<ModelFileError>(path, readInfoFrom);
}

std::unique_ptr<InterpTrainer> InterpTrainer::load(const std::string& path, torch::Tensor train) {
    auto a = archive::openModelFile<ModelFileError>(path);
    return fromArchive(a, std::move(train), path);
}

std::unique_ptr<InterpTrainer>
InterpTrainer::loadBytes(const std::string& bytes, torch::Tensor train, const std::string& name) {
    auto a = archive::openModelBytes<ModelFileError>(bytes, name);
    return fromArchive(a, std::move(train), name);
}

std::unique_ptr<InterpTrainer> InterpTrainer::fromArchive(torch::serialize::InputArchive& a,
                                                          torch::Tensor train,
                                                          const std::string& path) {
    try {
        const InterpCheckpointInfo info = readInfoFrom(a);
        if (train.dim() != 4 || train.size(1) != info.channels || train.size(2) != info.height ||
            train.size(3) != info.width)
            throw std::runtime_error("it was trained on " + std::to_string(info.channels) + "x" +
                                     std::to_string(info.height) + "x" +
                                     std::to_string(info.width) +
                                     " images, not the ones loaded now");
        auto t = std::make_unique<InterpTrainer>(std::move(train), info.config);
        loadModule(a, "encoder", *t->encoder_);
        loadModule(a, "decoder", *t->decoder_);
        torch::serialize::InputArchive adam;
        a.read("adam", adam);
        t->aeOptimiser_->load(adam);
        if (t->critic_) {
            loadModule(a, "critic", *t->critic_);
            torch::serialize::InputArchive criticAdam;
            a.read("critic_adam", criticAdam);
            t->criticOptimiser_->load(criticAdam);
        }
        // Files without the generator still load; training on then draws
        // other batches than the uninterrupted run would.
        torch::Tensor generator;
        if (a.try_read("generator", generator)) t->gen_.set_state(generator);
        t->step_ = info.step;
        t->saveGood();
        return t;
    } catch (const std::exception& e) {
        throw ModelFileError("cannot read model " + path + ": " + archive::firstLine(e));
    }
}

} // namespace aelab
