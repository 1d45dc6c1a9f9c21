#pragma once
// Which 2D toy manifold to generate, as plain data (no Torch), so the app can
// hold and edit it and send it across threads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aelab {

// TwoGaussians comes last so the values sessions stored for the others hold.
enum class Toy2DKind {
    Spiral,
    Circles,
    Moons,
    GaussianRing,
    SwissRoll,
    Csv,
    Painted,
    TwoGaussians
};

struct Toy2DSpec {
    Toy2DKind kind = Toy2DKind::Spiral;
    int count = 1000;           // points to generate (ignored for Csv and Painted)
    std::uint64_t seed = 1;     // every generator is seeded
    float noise = -1.f;         // jitter; negative means the set's own default
    std::string csvPath;        // Kind::Csv
    std::vector<float> painted; // Kind::Painted, x0,y0,x1,y1,...
    float weight = 0.2f;        // Kind::TwoGaussians: the share of the first mode
};

// Command-line and settings names: "spiral", "circles", "moons", "ring",
// "swissroll", "csv", "painted", "two-gaussians".
const std::vector<std::string>& toy2DNames();
std::string toy2DName(Toy2DKind kind);
std::optional<Toy2DKind> toy2DKindFromName(const std::string& name);
// A one-line description for tooltips and the README.
std::string toy2DDescription(Toy2DKind kind);

} // namespace aelab
