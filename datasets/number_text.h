#pragma once
// Numbers in text read the same in every locale. The app's process runs
// under the user's locale (Qt sets it), where strtod reads "0,5" and refuses
// "0.5" (de_DE, fr_FR): every number in options, specs and files is parsed
// here instead, with std::from_chars, which knows no locale. Header-only,
// so core and the loaders share it without a link between them.
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace aelab {

// The whole of text as a decimal or exponent number ("0.5", "-3", "1e-4");
// nothing for anything else, a trailing character included, and for values
// out of double's range. "inf" and "nan" parse: callers check finiteness.
inline std::optional<double> parseDecimal(std::string_view text) {
    // from_chars takes no leading '+'; accept one, as strtod did.
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '+' || text.front() == '-')) return std::nullopt;
    }
    if (text.empty()) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// value in the shortest form that reads back the same ("0.2", "1e-05"), with
// a '.' whatever the locale (std::to_string follows the C locale's comma).
inline std::string formatNumber(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string("?");
}

} // namespace aelab
