#include "core/training/corruption_spec.h"
#include "datasets/number_text.h"

#include <sstream>

#include <cmath>
#include <cstdlib>

namespace aelab {

std::string corruptionName(CorruptionKind kind) {
    switch (kind) {
    case CorruptionKind::Gaussian:
        return "gaussian";
    case CorruptionKind::SaltPepper:
        return "saltpepper";
    case CorruptionKind::Masking:
        return "mask";
    }
    return {};
}

std::optional<CorruptionSpec> parseCorruption(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) return std::nullopt;
    const std::string name = text.substr(0, colon), value = text.substr(colon + 1);
    const std::optional<double> parsed = parseDecimal(value); // any locale
    if (!parsed || !std::isfinite(*parsed) || *parsed < 0) return std::nullopt;
    const double level = *parsed;
    CorruptionSpec spec;
    spec.level = float(level);
    if (name == "gaussian")
        spec.kind = CorruptionKind::Gaussian;
    else if (name == "saltpepper")
        spec.kind = CorruptionKind::SaltPepper;
    else if (name == "mask")
        spec.kind = CorruptionKind::Masking;
    else
        return std::nullopt;
    if (spec.kind != CorruptionKind::Gaussian && level > 1) return std::nullopt;
    return spec;
}

std::string formatCorruption(const CorruptionSpec& spec) {
    std::ostringstream text; // shortest form: "gaussian:0.5", not "gaussian:0.500000"
    text << corruptionName(spec.kind) << ':' << spec.level;
    return text.str();
}

std::string describeCorruption(const CorruptionSpec& spec) {
    std::ostringstream text;
    switch (spec.kind) {
    case CorruptionKind::Gaussian:
        text << "Gaussian, \u03c3 = " << spec.level;
        break;
    case CorruptionKind::SaltPepper:
        text << "salt-and-pepper " << spec.level * 100 << '%';
        break;
    case CorruptionKind::Masking:
        text << "masking " << spec.level * 100 << '%';
        break;
    }
    return text.str();
}

} // namespace aelab
