#pragma once
// What the IDX fuzz targets do with a file: read it as images and as labels.
// Any input must end in a tensor or a DatasetError.
#include "datasets/dataset_error.h"
#include "datasets/idx_file.h"

#include <string>

inline void readIdxBothWays(const std::string& path) {
    try {
        aelab::readIdxImages(path);
    } catch (const aelab::DatasetError&) {
    }
    try {
        aelab::readIdxLabels(path);
    } catch (const aelab::DatasetError&) {
    }
}
