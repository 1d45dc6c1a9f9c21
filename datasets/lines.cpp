#include "datasets/lines.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

namespace aelab {

namespace {
struct Span {
    int major;    // the coordinate walked one unit at a time
    int minor;    // first covered pixel across the line
    int count;    // number of pixels from `minor` on
    double cover; // coverage of each of them
};
} // namespace

// docs/references.md §4: endpoints (16, 16) and (16 + 15 cos(-theta), 16 + 15 sin(-theta));
// walk the major axis one unit at a time; each unit covers a span 2 px wide
// across the line, with fractional coverage at its two partial pixels and at
// the line's two ends; the image is 2 x coverage - 1, clipped to [-1, 1].
LineImage drawLine(double theta) {
    const double w = 2.0;
    const double half = kLineSize * 0.5;
    // a runs along cos(-theta) (image columns), b along sin(-theta) (rows); rows grow downwards,
    // so theta = pi/2 points up.
    double a0 = half, b0 = half;
    double a1 = a0 + (a0 - 1) * std::cos(-theta);
    double b1 = b0 + (b0 - 1) * std::sin(-theta);
    // Walk along b unless the line is closer to the a axis.
    const bool flip = std::abs(b0 - b1) < std::abs(a0 - a1);
    if (flip) {
        std::swap(a0, b0);
        std::swap(a1, b1);
    }
    if (b1 < b0) {
        std::swap(a0, a1);
        std::swap(b0, b1);
    }
    a0 -= w / 2;
    a1 -= w / 2;
    const double slope = (b1 != b0) ? (a1 - a0) / (b1 - b0) : 0.0;
    const int firstFull = int(std::ceil(b0)), lastFull = int(b1);
    std::vector<Span> spans;
    for (int b = int(b0); b < int(std::ceil(b1)); ++b) {
        double weight = 1.0;
        if (b < firstFull)
            weight = firstFull - b0;
        else if (b > lastFull)
            weight = b1 - lastFull;
        const double s = a0 + (b - b0 - 0.5) * slope, e = s + w;
        const int si = int(std::ceil(s)), ei = int(e);
        if (si != ei) spans.push_back({b, si, ei - si, weight});
        if (si != s) spans.push_back({b, int(s), 1, weight * (si - s)});
        if (ei != e) spans.push_back({b, ei, 1, weight * (e - ei)});
    }
    std::array<double, kLineSize * kLineSize> cover{};
    for (const Span& sp : spans)
        for (int k = 0; k < sp.count; ++k) {
            // Unflipped, the walked coordinate b is the first index; flipped, the second.
            const int row = flip ? sp.minor + k : sp.major;
            const int col = flip ? sp.major : sp.minor + k;
            if (row >= 0 && row < kLineSize && col >= 0 && col < kLineSize)
                cover[size_t(row * kLineSize + col)] += 2 * sp.cover;
        }
    LineImage img;
    for (size_t i = 0; i < img.size(); ++i)
        img[i] = float(std::clamp(cover[i] - 1.0, -1.0, 1.0));
    return img;
}

torch::Tensor lineImages(const std::vector<double>& thetas) {
    auto out = torch::empty({int64_t(thetas.size()), 1, kLineSize, kLineSize});
    float* p = out.data_ptr<float>();
    for (size_t i = 0; i < thetas.size(); ++i) {
        const LineImage img = drawLine(thetas[i]);
        std::copy(img.begin(), img.end(), p + i * img.size());
    }
    return out;
}

ImageSet linesSet(int64_t trainCount, int64_t testCount, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> angle(0.0, 2 * M_PI);
    auto make = [&](int64_t n, torch::Tensor& images, torch::Tensor& labels) {
        std::vector<double> thetas(static_cast<size_t>(n));
        labels = torch::empty({n}, torch::kInt64);
        for (int64_t i = 0; i < n; ++i) {
            thetas[size_t(i)] = angle(rng);
            labels[i] = std::min<int64_t>(9, int64_t(10 * thetas[size_t(i)] / (2 * M_PI)));
        }
        images = (lineImages(thetas) + 1) * 0.5;
    };
    ImageSet set;
    set.name = "lines";
    make(trainCount, set.train, set.trainLabels);
    make(testCount, set.test, set.testLabels);
    for (int k = 0; k < 10; ++k)
        set.classNames.push_back(std::to_string(36 * k) + "°–" + std::to_string(36 * (k + 1)) +
                                 "°");
    return set;
}

} // namespace aelab
