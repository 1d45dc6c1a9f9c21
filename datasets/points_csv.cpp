#include "datasets/points_csv.h"
#include "datasets/number_text.h"
#include "datasets/dataset_error.h"
#include "core/io/input_file.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace aelab {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

bool parseNumber(const std::string& field, float& out) {
    const std::string t = trim(field);
    if (t.empty()) return false;
    const std::optional<double> v = parseDecimal(t); // any locale
    if (!v) return false;
    out = static_cast<float>(*v);
    return true;
}

} // namespace

std::vector<float> parsePointsCsv(const std::string& text, const std::string& sourceName) {
    std::vector<float> xy;
    // Spreadsheets start UTF-8 files with a byte-order mark: not part of the data.
    const bool bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0;
    std::istringstream in(bom ? text.substr(3) : text);
    std::string line;
    int lineNo = 0;
    bool headerAllowed = true;
    while (std::getline(in, line)) {
        ++lineNo;
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        const auto comma = t.find(',');
        float x = 0, y = 0;
        const bool ok = comma != std::string::npos && parseNumber(t.substr(0, comma), x) &&
                        parseNumber(t.substr(comma + 1), y);
        if (!ok) {
            // One header row (such as "x,y") is allowed before any data.
            if (headerAllowed && std::isalpha(static_cast<unsigned char>(t[0]))) {
                headerAllowed = false;
                continue;
            }
            throw DatasetError(sourceName + ":" + std::to_string(lineNo) +
                               ": expected two numbers \"x,y\", got \"" + t.substr(0, 60) + "\"");
        }
        if (!std::isfinite(x) || !std::isfinite(y))
            throw DatasetError(sourceName + ":" + std::to_string(lineNo) +
                               ": values must be finite, got \"" + t.substr(0, 60) + "\"");
        xy.push_back(x);
        xy.push_back(y);
        headerAllowed = false;
    }
    if (xy.size() < 4)
        throw DatasetError(sourceName + ": needs at least 2 points, found " +
                           std::to_string(xy.size() / 2));
    return xy;
}

std::vector<float> readPointsCsv(const std::string& path) {
    std::string text;
    if (auto why = readInputFile(path, kPointsCsvLimit, text)) throw DatasetError(*why);
    if (text.empty()) throw DatasetError(path + ": file is empty");
    return parsePointsCsv(text, path);
}

} // namespace aelab
