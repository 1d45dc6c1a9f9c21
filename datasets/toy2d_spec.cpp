#include "datasets/toy2d_spec.h"

namespace aelab {

namespace {
const Toy2DKind kKinds[] = {Toy2DKind::Spiral,       Toy2DKind::Circles,     Toy2DKind::Moons,
                            Toy2DKind::GaussianRing, Toy2DKind::SwissRoll,   Toy2DKind::Csv,
                            Toy2DKind::Painted,      Toy2DKind::TwoGaussians};
}

const std::vector<std::string>& toy2DNames() {
    static const std::vector<std::string> names = {
        "spiral", "circles", "moons", "ring", "swissroll", "csv", "painted", "two-gaussians"};
    return names;
}

std::string toy2DName(Toy2DKind kind) {
    return toy2DNames().at(static_cast<size_t>(kind));
}

std::optional<Toy2DKind> toy2DKindFromName(const std::string& name) {
    const auto& names = toy2DNames();
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return kKinds[i];
    return std::nullopt;
}

std::string toy2DDescription(Toy2DKind kind) {
    switch (kind) {
    case Toy2DKind::Spiral:
        return "Alain & Bengio's spiral: t ~ U(3, 15), (0.04 t sin t, 0.04 t cos t)";
    case Toy2DKind::Circles:
        return "Two concentric circles, radii 0.35 and 0.75";
    case Toy2DKind::Moons:
        return "Two interleaved half-circles (two moons)";
    case Toy2DKind::GaussianRing:
        return "Eight Gaussians (std 0.05) on a circle of radius 0.7";
    case Toy2DKind::SwissRoll:
        return "A 2D slice of the swiss roll: t ~ U(1.5 pi, 4.5 pi), (t cos t, t sin t) scaled";
    case Toy2DKind::Csv:
        return "Points read from a CSV file of x,y rows";
    case Toy2DKind::Painted:
        return "Points painted with the mouse on the plot";
    case Toy2DKind::TwoGaussians:
        return "Two Gaussians (std 0.1) at (-0.5, -0.5) and (0.5, 0.5), weighted 0.2 / 0.8 "
               "unless set: annealed sampling gets the weights, one small sigma does not";
    }
    return {};
}

} // namespace aelab
