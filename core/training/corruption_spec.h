#pragma once
// A corruption process as plain data (no Torch): kind and level. Shared by
// every lab; parsed from the command line as "gaussian:0.5", "saltpepper:0.1",
// "mask:0.3".
#include <optional>
#include <string>

namespace aelab {

enum class CorruptionKind { Gaussian, SaltPepper, Masking };

struct CorruptionSpec {
    CorruptionKind kind = CorruptionKind::Gaussian;
    float level = 0.1f; // sigma for Gaussian, p for salt-and-pepper, drop probability for masking
};

std::string corruptionName(CorruptionKind kind); // "gaussian", "saltpepper", "mask"
std::optional<CorruptionSpec> parseCorruption(const std::string& text);
std::string formatCorruption(const CorruptionSpec& spec);
// In words, for what a class reads: "salt-and-pepper 10%", "Gaussian, σ = 0.5",
// "masking 30%" (UTF-8).
std::string describeCorruption(const CorruptionSpec& spec);

} // namespace aelab
