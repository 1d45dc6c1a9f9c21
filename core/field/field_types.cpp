#include "core/field/field_types.h"

namespace aelab {

const char* activationName(Activation a) {
    switch (a) {
    case Activation::ReLU:
        return "relu";
    case Activation::Tanh:
        return "tanh";
    case Activation::Softplus:
        return "softplus";
    }
    return "";
}

bool activationFromName(const std::string& s, Activation& out) {
    for (auto a : {Activation::ReLU, Activation::Tanh, Activation::Softplus})
        if (s == activationName(a)) {
            out = a;
            return true;
        }
    return false;
}

const char* lossName(LossKind l) {
    return l == LossKind::SquaredError ? "mse" : "bce";
}

bool lossFromName(const std::string& s, LossKind& out) {
    if (s == "mse")
        out = LossKind::SquaredError;
    else if (s == "bce")
        out = LossKind::BinaryCrossEntropy;
    else
        return false;
    return true;
}

const char* modelKindName(FieldModelKind k) {
    return k == FieldModelKind::SingleSigma ? "single" : "noise-conditional";
}

bool modelKindFromName(const std::string& s, FieldModelKind& out) {
    for (auto k : {FieldModelKind::SingleSigma, FieldModelKind::NoiseConditional})
        if (s == modelKindName(k)) {
            out = k;
            return true;
        }
    return false;
}

} // namespace aelab
