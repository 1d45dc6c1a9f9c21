#pragma once
// The loaders read files, so each input is written to one file in /dev/shm
// (memory, not disk) that the target then loads. One path per process: the
// fuzzers run one input at a time.
#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

inline std::string fuzzInputFile(const std::uint8_t* data, std::size_t size, const char* suffix) {
    static const std::string path = "/dev/shm/aelab-fuzz-" + std::to_string(::getpid()) + suffix;
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        if (size) std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    return path;
}
