#pragma once
#include <stdexcept>

namespace aelab {

// A model file that cannot be written or read; the message names the file.
struct ModelFileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace aelab
