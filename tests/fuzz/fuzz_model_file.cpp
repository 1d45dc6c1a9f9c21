// libFuzzer target: saved models (field lab and interpolation lab
// checkpoints), the files users send each other. Any input must load or end
// in a ModelFileError.
#include "core/field/field_trainer.h"
#include "tests/fuzz/fuzz_input_file.h"
#include "core/interp/interp_trainer.h"
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
    return 0;
}
