#include "core/training/blas_kernel.h"

#include <ATen/ATen.h>
#include <cpuid.h>
#include <dlfcn.h>
#include <unistd.h>
#include <cmath>
#include <cstdlib>
#include <random>

namespace aelab {

namespace {
// Set by this process for its restarted self; a user's OPENBLAS_CORETYPE
// comes without them.
constexpr const char* kChosen = "AELAB_BLAS_CHOSEN";     // the kernel aelab set
constexpr const char* kRejected = "AELAB_BLAS_REJECTED"; // the kernel the self-test failed
std::string g_how = "OpenBLAS";

std::string callString(const char* symbol) {
    using Get = char* (*)();
    auto get = reinterpret_cast<Get>(dlsym(RTLD_DEFAULT, symbol));
    const char* s = get ? get() : nullptr;
    return s ? std::string(s) : std::string();
}

bool cpuHas(unsigned leaf, unsigned sub, int reg, unsigned bit) {
    unsigned r[4] = {0, 0, 0, 0};
    if (!__get_cpuid_count(leaf, sub, &r[0], &r[1], &r[2], &r[3])) return false;
    return (r[reg] >> bit) & 1u;
}

// The OS saves the AVX (and AVX-512) registers: XCR0 bits 1-2 (and 5-7).
bool osSaves(unsigned mask) {
    if (!cpuHas(1, 0, 2, 27)) return false; // OSXSAVE
    unsigned lo = 0, hi = 0;
    __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (lo & mask) == mask;
}

std::vector<double> loopGemm(const std::vector<float>& a, const std::vector<float>& b, int m, int k,
                             int n) {
    std::vector<double> c(size_t(m) * n, 0.0);
    for (int i = 0; i < m; ++i)
        for (int p = 0; p < k; ++p)
            for (int j = 0; j < n; ++j)
                c[size_t(i) * n + j] += double(a[size_t(i) * k + p]) * b[size_t(p) * n + j];
    return c;
}

void restartWith(char** argv) {
    execv("/proc/self/exe", argv);
    // Still here: the restart failed; carry on with what runs.
}
} // namespace

int kernelClass(const std::string& kernel) {
    static const std::vector<std::pair<std::string, int>> kClasses = {
        {"Prescott", 0},    {"Core2", 0},       {"Penryn", 0},        {"Dunnington", 0},
        {"Nehalem", 0},     {"Atom", 0},        {"Barcelona", 0},     {"Bobcat", 0},
        {"Opteron", 0},     {"Sandybridge", 1}, {"Bulldozer", 1},     {"Piledriver", 1},
        {"Steamroller", 1}, {"Excavator", 1},   {"Haswell", 2},       {"Zen", 2},
        {"SkylakeX", 3},    {"Cooperlake", 3},  {"SapphireRapids", 3}};
    for (const auto& [name, rank] : kClasses)
        if (kernel == name) return rank;
    return -1;
}

std::string bestKernelForCpu() {
    const bool avx = cpuHas(1, 0, 2, 28) && osSaves(0x6);
    const bool avx2 = avx && cpuHas(7, 0, 1, 5) && cpuHas(1, 0, 2, 12); // AVX2, FMA
    const bool avx512 = avx2 && osSaves(0xe6) && cpuHas(7, 0, 1, 16) && // F
                        cpuHas(7, 0, 1, 17) && cpuHas(7, 0, 1, 28) &&   // DQ, CD
                        cpuHas(7, 0, 1, 30) && cpuHas(7, 0, 1, 31);     // BW, VL
    return avx512 ? "SkylakeX" : avx2 ? "Haswell" : avx ? "Sandybridge" : "";
}

BlasInfo blasInfo() {
    BlasInfo info;
    info.library = callString("openblas_get_config");
    info.kernel = callString("openblas_get_corename");
    info.how = g_how;
    return info;
}

std::string blasSummary() {
    const BlasInfo b = blasInfo();
    if (b.library.empty()) return "BLAS: not OpenBLAS (no kernel to report)";
    return "BLAS: " + b.library + "; kernel " + b.kernel + " (" + b.how + ")";
}

bool blasSelfTest(std::string* why, const GemmReference& reference) {
    const GemmReference ref = reference ? reference : GemmReference(loopGemm);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-1.f, 1.f);
    // The field MLP's batch x width products, a wide one, and an odd edge case.
    const int shapes[][3] = {{256, 128, 128}, {256, 2, 128}, {64, 784, 512}, {37, 53, 29}};
    for (const auto& s : shapes) {
        const int m = s[0], k = s[1], n = s[2];
        std::vector<float> a(size_t(m) * k), b(size_t(k) * n);
        for (float& v : a)
            v = u(rng);
        for (float& v : b)
            v = u(rng);
        const auto ta = at::from_blob(a.data(), {m, k});
        const auto tb = at::from_blob(b.data(), {k, n});
        const auto c = at::mm(ta, tb).contiguous();
        const float* got = c.data_ptr<float>();
        const std::vector<double> want = ref(a, b, m, k, n);
        for (size_t i = 0; i < want.size(); ++i) {
            const double scale = std::max(1.0, std::sqrt(double(k)));
            if (!(std::abs(got[i] - want[i]) <= 1e-4 * scale)) {
                if (why)
                    *why = "sgemm " + std::to_string(m) + "x" + std::to_string(k) + "x" +
                           std::to_string(n) + " differs from the reference";
                return false;
            }
        }
    }
    return true;
}

void chooseBlasKernel(char** argv) {
    const char* chosen = std::getenv(kChosen);
    const char* rejected = std::getenv(kRejected);
    if (chosen) {
        // This is the restarted process: keep the kernel only if it computes right.
        std::string why;
        if (blasSelfTest(&why)) {
            g_how = std::string("set by aelab: OpenBLAS had fallen back, self-test passed");
            return;
        }
        setenv(kRejected, chosen, 1);
        unsetenv(kChosen);
        unsetenv("OPENBLAS_CORETYPE");
        restartWith(argv);
        g_how = "OpenBLAS; " + std::string(chosen) + " failed the self-test: " + why;
        return;
    }
    if (rejected) {
        g_how = std::string("OpenBLAS; ") + rejected + " failed aelab's self-test";
        return;
    }
    if (std::getenv("OPENBLAS_CORETYPE")) {
        g_how = "your OPENBLAS_CORETYPE";
        return;
    }
    const BlasInfo now = blasInfo();
    const std::string best = bestKernelForCpu();
    if (now.library.empty() || best.empty() || kernelClass(now.kernel) < 0 ||
        kernelClass(now.kernel) >= kernelClass(best))
        return; // not OpenBLAS, nothing better, or a kernel we do not rank
    setenv("OPENBLAS_CORETYPE", best.c_str(), 1);
    setenv(kChosen, best.c_str(), 1);
    restartWith(argv);
    unsetenv("OPENBLAS_CORETYPE"); // the restart failed: say so, run as we are
    unsetenv(kChosen);
    g_how = "OpenBLAS (it fell back, and restarting with " + best + " failed)";
}

} // namespace aelab
