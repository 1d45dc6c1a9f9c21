#include "core/training/torch_threads.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <dlfcn.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace aelab {
namespace {
// OpenBLAS (Debian's libblas.so.3 with libopenblas0-pthread) keeps a pool of
// its own that Torch's thread count does not reach; idle, its threads spin
// in sched_yield and take the core the GUI draws on. Looked up at run time:
// with the reference BLAS selected the symbol is absent and nothing spins.
void setBlasThreads(int threads) {
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set(threads);
}
} // namespace

void setTorchThreads(int threads) {
    at::set_num_threads(std::max(1, threads));
    setBlasThreads(std::max(1, threads));
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
