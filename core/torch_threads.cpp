#include "torch_threads.h"

#include <ATen/Parallel.h>
#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace aelab {
void setTorchThreads(int threads) {
    at::set_num_threads(std::max(1, threads));
}
int torchThreads() {
    return at::get_num_threads();
}

bool keepAllocationsWarm() {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) == 1 &&
           mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024) == 1;
#else
    return false;
#endif
}
} // namespace aelab
