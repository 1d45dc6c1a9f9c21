// libFuzzer target: CSV point files of the field lab.
#include "datasets/dataset_error.h"
#include "datasets/points_csv.h"

#include <cstdint>
#include <string>

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        aelab::parsePointsCsv(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv");
    } catch (const aelab::DatasetError&) {
    }
    return 0;
}
