#include "core/training/trainer_state.h"
#include "core/training/archive_util.h"
#include "core/training/model_file_error.h"

#include <sstream>

namespace aelab {

namespace {
constexpr int64_t kVersion = 1;

std::vector<torch::Tensor> stateTensors(torch::nn::Module& model) {
    std::vector<torch::Tensor> out = model.parameters();
    for (const auto& b : model.buffers())
        out.push_back(b);
    return out;
}
} // namespace

std::string imageShapeText(const torch::Tensor& images) {
    return std::to_string(images.size(1)) + "x" + std::to_string(images.size(2)) + "x" +
           std::to_string(images.size(3)) + " images";
}

void writeTrainerState(torch::serialize::OutputArchive& a, const std::string& signature,
                       torch::nn::Module& model, torch::optim::Adam* adam, long long step,
                       const at::Generator& gen) {
    a.write("signature", c10::IValue(signature));
    a.write("step", c10::IValue(int64_t(step)));
    a.write("generator", gen.get_state());
    archive::writeTensors(a, "state.", stateTensors(model));
    if (!adam) return;
    torch::serialize::OutputArchive moments;
    adam->save(moments);
    a.write("adam", moments);
}

long long readTrainerState(torch::serialize::InputArchive& a, const std::string& signature,
                           torch::nn::Module& model, torch::optim::Adam& adam, at::Generator& gen) {
    const std::string saved = archive::readValue(a, "signature").toStringRef();
    if (saved != signature)
        throw std::runtime_error("it was saved for " + saved + ", the lab now has " + signature);
    const long long step = archive::readValue(a, "step").toInt();
    torch::Tensor generator;
    a.read("generator", generator);
    // Read everything before changing anything: a bad part leaves the
    // trainer as it was.
    const std::vector<torch::Tensor> into = stateTensors(model);
    std::vector<torch::Tensor> copies;
    for (const auto& t : into)
        copies.push_back(t.detach().clone());
    archive::readTensors(a, "state.", copies);
    torch::serialize::InputArchive moments;
    if (a.try_read("adam", moments)) adam.load(moments);
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < into.size(); ++i)
        into[i].copy_(copies[i]);
    gen.set_state(generator);
    return step;
}

std::string saveTrainerState(const std::string& format, const std::string& signature,
                             torch::nn::Module& model, torch::optim::Adam& adam, long long step,
                             const at::Generator& gen) {
    try {
        torch::serialize::OutputArchive a;
        a.write("format", c10::IValue(format));
        a.write("version", c10::IValue(kVersion));
        writeTrainerState(a, signature, model, &adam, step, gen);
        std::ostringstream bytes;
        a.save_to(bytes);
        return bytes.str();
    } catch (const std::exception& e) {
        throw ModelFileError("cannot save the model: " + archive::firstLine(e));
    }
}

long long loadTrainerState(const std::string& bytes, const std::string& name,
                           const std::string& format, const std::string& signature,
                           torch::nn::Module& model, torch::optim::Adam& adam, at::Generator& gen) {
    auto a = archive::openModelBytes<ModelFileError>(bytes, name);
    try {
        archive::checkFormat(a, format, "model", kVersion);
        return readTrainerState(a, signature, model, adam, gen);
    } catch (const std::exception& e) {
        throw ModelFileError("cannot read model " + name + ": " + archive::firstLine(e));
    }
}

} // namespace aelab
