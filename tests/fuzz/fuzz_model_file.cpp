// libFuzzer target: saved models (field lab and interpolation lab
// checkpoints, image-DAE and VAE model files), the files users send each
// other. Any input must load or end in a ModelFileError.
#include "core/field/field_trainer.h"
#include "tests/fuzz/fuzz_input_file.h"
#include "core/image/image_dae_trainer.h"
#include "core/interp/interp_trainer.h"
#include "core/vae/vae_trainer.h"
#include "core/training/torch_threads.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool once = (aelab::setTorchThreads(1), true);
    (void)once;
    const std::string path = fuzzInputFile(data, size, ".pt");
    try {
        aelab::FieldTrainer::load(path);
    } catch (const aelab::ModelFileError&) {
    }
    try {
        aelab::InterpTrainer::readInfo(path);
    } catch (const aelab::ModelFileError&) {
    }
    // The image models load into blank images of the file's shape when it
    // is small: the settings and the weights' shapes are then checked too.
    try {
        const auto info = aelab::ImageDaeTrainer::readModelInfo(path);
        if (info.height * info.width <= 64 * 64)
            aelab::ImageDaeTrainer::loadModel(
                path, torch::zeros({1, info.channels, info.height, info.width}));
    } catch (const aelab::ModelFileError&) {
    }
    try {
        const auto info = aelab::VaeTrainer::readModelInfo(path);
        if (info.height * info.width <= 64 * 64 && info.trainingImages <= 2000)
            aelab::VaeTrainer::loadModel(
                path, torch::zeros({info.trainingImages, info.channels, info.height, info.width}));
    } catch (const aelab::ModelFileError&) {
    }
    return 0;
}
