#pragma once
// Which OpenBLAS kernel runs, and a better one where OpenBLAS fell back.
// Debian's OpenBLAS 0.3.21 does not know some newer CPUs and silently uses
// its SSE3 "Prescott" kernels there, 2.4 times slower (docs/performance.md).
// At start the app compares the kernel OpenBLAS chose with what the CPU
// supports (cpuid); where OpenBLAS fell back it restarts itself with
// OPENBLAS_CORETYPE set to the best supported kernel, and keeps it only if a
// numeric self-test of the matrix products the app uses agrees with a
// reference. A user's own OPENBLAS_CORETYPE is always respected.
#include <functional>
#include <string>
#include <vector>

namespace aelab {

struct BlasInfo {
    std::string library; // "OpenBLAS 0.3.21 ..." (openblas_get_config), or "" if not OpenBLAS
    std::string kernel;  // openblas_get_corename(): "Haswell", "SkylakeX", ...
    std::string how;     // who chose it, in words: "OpenBLAS", "your OPENBLAS_CORETYPE", ...
};

// What runs now, and who chose it (after chooseBlasKernel).
BlasInfo blasInfo();
// One line for --version and bench.json: "OpenBLAS 0.3.21, kernel SkylakeX (...)".
std::string blasSummary();

// The strongest OpenBLAS x86-64 kernel the CPU supports: "SkylakeX"
// (AVX-512 F, BW, VL, DQ, CD), "Haswell" (AVX2 and FMA), "Sandybridge"
// (AVX), else "" (nothing to gain over OpenBLAS's own choice).
std::string bestKernelForCpu();
// The kernel's speed class: 0 for SSE-era kernels (Prescott, Core2,
// Nehalem, ...), 1 AVX, 2 AVX2, 3 AVX-512; -1 if unknown.
int kernelClass(const std::string& kernel);

// C = A B for the shapes the labs use, in single precision through the BLAS
// LibTorch calls, against `reference` (by default a double-precision loop):
// true if every entry agrees to 1e-4 relative, else false and why.
using GemmReference = std::function<std::vector<double>(
    const std::vector<float>& a, const std::vector<float>& b, int m, int k, int n)>;
bool blasSelfTest(std::string* why, const GemmReference& reference = {});

// The start of main(): may replace the process (execv) with itself under a
// better OPENBLAS_CORETYPE, or back under OpenBLAS's own choice when the
// self-test rejects that kernel. Returns when the kernel is settled.
void chooseBlasKernel(char** argv);

} // namespace aelab
