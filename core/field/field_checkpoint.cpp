// Saving and loading a field-lab model. The archive is versioned: a file from
// another program or a future format is refused with a clear message rather
// than half-loaded.
#include "core/training/archive_util.h"
#include "core/io/atomic_file.h"

#include <sstream>
#include "core/field/field_trainer_impl.h"

namespace aelab {

using archive::readTensors;
using archive::readValue;
using archive::writeTensors;

namespace {
constexpr const char* kFormat = "autoencoder-lab field model";
constexpr int64_t kVersion = 1;

// The noise-conditional keys came later: a file without them holds a
// single-sigma model.
void readConditional(torch::serialize::InputArchive& a, FieldConfig& c) {
    c10::IValue model;
    if (!a.try_read("model", model)) return;
    if (!model.isString() || !modelKindFromName(model.toStringRef(), c.model))
        throw std::runtime_error("unknown model kind");
    c.sigmaMin = float(readValue(a, "sigma_min").toDouble());
    c.sigmaMax = float(readValue(a, "sigma_max").toDouble());
    c.levels = int(readValue(a, "levels").toInt());
    if (!(c.sigmaMin > 0) || !(c.sigmaMax >= c.sigmaMin) || c.levels < 1 || c.levels > 1000)
        throw std::runtime_error("noise levels out of range");
}
} // namespace

void FieldTrainer::save(const std::string& path) const {
    try {
        writeBytesAtomically(path, saveBytes());
    } catch (const std::exception& e) {
        throw ModelFileError("cannot write model " + path + ": " + archive::firstLine(e));
    }
}

std::string FieldTrainer::saveBytes() const {
    const FieldConfig& c = d->config;
    try {
        torch::serialize::OutputArchive a;
        a.write("format", c10::IValue(std::string(kFormat)));
        a.write("version", c10::IValue(kVersion));
        a.write("dataset", c10::IValue(toy2DName(c.data.kind)));
        a.write("sigma", c10::IValue(double(c.sigma)));
        a.write("width", c10::IValue(int64_t(c.width)));
        a.write("depth", c10::IValue(int64_t(c.depth)));
        a.write("activation", c10::IValue(std::string(activationName(c.activation))));
        a.write("loss", c10::IValue(std::string(lossName(c.loss))));
        a.write("learning_rate", c10::IValue(double(c.learningRate)));
        a.write("batch", c10::IValue(int64_t(c.batchSize)));
        a.write("grid", c10::IValue(int64_t(c.gridSize)));
        a.write("seed", c10::IValue(int64_t(c.seed)));
        a.write("step", c10::IValue(int64_t(d->step)));
        a.write("model", c10::IValue(std::string(modelKindName(c.model))));
        a.write("sigma_min", c10::IValue(double(c.sigmaMin)));
        a.write("sigma_max", c10::IValue(double(c.sigmaMax)));
        a.write("levels", c10::IValue(int64_t(c.levels)));
        a.write("data", d->data);
        writeTensors(a, "weights.", d->params);
        writeTensors(a, "average.", d->average);
        torch::serialize::OutputArchive adam;
        saveFlatAdam(*d->optimiser, d->params, adam);
        a.write("adam", adam);
        std::ostringstream bytes;
        a.save_to(bytes);
        return bytes.str();
    } catch (const std::exception& e) {
        throw ModelFileError("cannot save the model: " + archive::firstLine(e));
    }
}

std::unique_ptr<FieldTrainer> FieldTrainer::load(const std::string& path) {
    auto a = archive::openModelFile<ModelFileError>(path);
    return fromArchive(a, path);
}

std::unique_ptr<FieldTrainer> FieldTrainer::loadBytes(const std::string& bytes,
                                                      const std::string& name) {
    auto a = archive::openModelBytes<ModelFileError>(bytes, name);
    return fromArchive(a, name);
}

std::unique_ptr<FieldTrainer> FieldTrainer::fromArchive(torch::serialize::InputArchive& a,
                                                        const std::string& path) {
    try {
        archive::checkFormat(a, kFormat, "field model", kVersion);
        FieldConfig c;
        c.sigma = float(readValue(a, "sigma").toDouble());
        c.width = int(readValue(a, "width").toInt());
        c.depth = int(readValue(a, "depth").toInt());
        if (!activationFromName(readValue(a, "activation").toStringRef(), c.activation) ||
            !lossFromName(readValue(a, "loss").toStringRef(), c.loss))
            throw std::runtime_error("unknown activation or loss");
        c.learningRate = float(readValue(a, "learning_rate").toDouble());
        c.batchSize = int(readValue(a, "batch").toInt());
        c.gridSize = int(readValue(a, "grid").toInt());
        c.seed = std::uint64_t(readValue(a, "seed").toInt());
        readConditional(a, c);
        if (c.width < 1 || c.width > 4096 || c.depth < 1 || c.depth > 16 || c.gridSize < 2 ||
            c.gridSize > 1024 || c.batchSize < 1 || !(c.sigma > 0))
            throw std::runtime_error("settings out of range");
        torch::Tensor data;
        a.read("data", data);
        if (data.dim() != 2 || data.size(1) != 2 || data.size(0) < 2 ||
            data.scalar_type() != torch::kFloat32)
            throw std::runtime_error("training set is not an [N, 2] float array");
        data = data.contiguous();
        c.data.kind = Toy2DKind::Painted;
        c.data.painted.assign(data.data_ptr<float>(), data.data_ptr<float>() + data.numel());
        auto trainer = std::make_unique<FieldTrainer>(c);
        Impl& d = *trainer->d;
        readTensors(a, "weights.", d.params);
        readTensors(a, "average.", d.average);
        torch::serialize::InputArchive adam;
        a.read("adam", adam);
        loadFlatAdam(*d.optimiser, d.params, adam);
        d.step = readValue(a, "step").toInt();
        d.saveGood();
        return trainer;
    } catch (const ModelFileError&) {
        throw;
    } catch (const std::exception& e) {
        throw ModelFileError("cannot read model " + path + ": " + archive::firstLine(e));
    }
}

} // namespace aelab
