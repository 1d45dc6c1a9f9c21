#include "core/vae/vae_config.h"

namespace aelab {

std::vector<VaeModel> allVaeModels() {
    return {VaeModel::Vae, VaeModel::Dvae, VaeModel::Iwae, VaeModel::Diwae};
}

std::string vaeModelName(VaeModel m) {
    switch (m) {
    case VaeModel::Vae:
        return "vae";
    case VaeModel::Dvae:
        return "dvae";
    case VaeModel::Iwae:
        return "iwae";
    case VaeModel::Diwae:
        return "diwae";
    }
    return {};
}

std::string vaeModelTitle(VaeModel m) {
    switch (m) {
    case VaeModel::Vae:
        return "VAE";
    case VaeModel::Dvae:
        return "DVAE";
    case VaeModel::Iwae:
        return "IWAE";
    case VaeModel::Diwae:
        return "DIWAE";
    }
    return {};
}

std::optional<VaeModel> parseVaeModel(const std::string& s) {
    for (VaeModel m : allVaeModels())
        if (vaeModelName(m) == s) return m;
    return std::nullopt;
}

} // namespace aelab
