#pragma once
// Reading and writing 2D point sets as CSV (x,y per row, optional header).
#include <string>
#include <vector>

namespace aelab {

// Returns x0,y0,x1,y1,... Throws DatasetError naming the file and line for a
// missing or empty file, a row that is not two numbers, or NaN/inf values.
std::vector<float> readPointsCsv(const std::string& path);
std::vector<float> parsePointsCsv(const std::string& text, const std::string& sourceName);

} // namespace aelab
