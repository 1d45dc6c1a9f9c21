#pragma once
// A data source that cannot be read throws DatasetError with a message that
// names the file (and the line, where there is one) so the app can show it.
#include <stdexcept>
#include <string>

namespace aelab {

class DatasetError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

} // namespace aelab
