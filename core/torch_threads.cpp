#include "torch_threads.h"

#include <ATen/Parallel.h>
#include <algorithm>

namespace aelab {
void setTorchThreads(int threads) { at::set_num_threads(std::max(1, threads)); }
int torchThreads() { return at::get_num_threads(); }
} // namespace aelab
