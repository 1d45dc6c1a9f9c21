#pragma once
// Small helpers for the versioned model files (torch::serialize archives).
#include "core/io/atomic_file.h"
#include "core/io/input_file.h"
#include "core/io/tensor_records.h"
#include "core/io/zip_check.h"

#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace aelab::archive {

inline void writeTensors(torch::serialize::OutputArchive& a, const std::string& prefix,
                         const std::vector<torch::Tensor>& ts) {
    for (size_t i = 0; i < ts.size(); ++i)
        a.write(prefix + std::to_string(i), ts[i].detach());
}

// Copies the stored tensors into `into`, refusing any whose shape differs.
inline void readTensors(torch::serialize::InputArchive& a, const std::string& prefix,
                        const std::vector<torch::Tensor>& into) {
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < into.size(); ++i) {
        torch::Tensor t;
        a.read(prefix + std::to_string(i), t);
        if (!t.sizes().equals(into[i].sizes()))
            throw std::runtime_error("weight shapes do not match the settings");
        into[i].copy_(t);
    }
}

inline c10::IValue readValue(torch::serialize::InputArchive& a, const std::string& key) {
    c10::IValue v;
    if (!a.try_read(key, v)) throw std::runtime_error("missing \"" + key + "\"");
    return v;
}

// Reads the format tag and version, throwing unless they are the expected ones.
inline void checkFormat(torch::serialize::InputArchive& a, const std::string& format,
                        const std::string& what, int64_t version) {
    const auto f = readValue(a, "format");
    if (!f.isString() || f.toStringRef() != format)
        throw std::runtime_error("not an Autoencoder Lab " + what);
    const int64_t v = readValue(a, "version").toInt();
    if (v != version)
        throw std::runtime_error("format version " + std::to_string(v) +
                                 ", this build reads version " + std::to_string(version));
}

// Parses a model archive held in memory, or throws E ("cannot read model
// NAME: missing, truncated or not a model file"). Its checksums are verified
// (zip_check.h), and every tensor record's length against its storage's
// (tensor_records.h), before Torch parses the bytes: Torch itself would parse
// a damaged archive, and may crash or read past a short record.
template <typename E>
torch::serialize::InputArchive openModelBytes(const std::string& bytes, const std::string& name) {
    std::vector<ZipEntry> entries;
    std::string damage = zipDamage(bytes, &entries);
    if (damage.empty()) damage = tensorRecordDamage(bytes, entries);
    if (!damage.empty()) throw E("cannot read model " + name + ": " + damage);
    torch::serialize::InputArchive a;
    try {
        a.load_from(bytes.data(), bytes.size());
    } catch (const std::exception&) {
        throw E("cannot read model " + name + ": missing, truncated or not a model file");
    }
    return a;
}

// The same for the model file at path, read once.
template <typename E> torch::serialize::InputArchive openModelFile(const std::string& path) {
    std::string bytes;
    if (auto why = readInputFile(path, kModelLimit, bytes)) throw E("cannot read model " + *why);
    return openModelBytes<E>(bytes, path);
}

// The first line of an error: Torch's own exceptions append a C++ backtrace
// that means nothing to a user.
inline std::string firstLine(const std::exception& e) {
    const std::string what = e.what();
    return what.substr(0, what.find('\n'));
}

// Writes the archive fill(archive) builds to path atomically; any failure
// becomes E ("cannot write model PATH: ...").
template <typename E, typename Fill> void writeModelFile(const std::string& path, Fill&& fill) {
    try {
        torch::serialize::OutputArchive a;
        fill(a);
        std::ostringstream bytes;
        a.save_to(bytes);
        writeBytesAtomically(path, bytes.str());
    } catch (const std::exception& e) {
        throw E("cannot write model " + path + ": " + firstLine(e));
    }
}

// Opens the model file at path and returns read(archive); a damaged file or
// any failure of read becomes E ("cannot read model PATH: ...").
template <typename E, typename Read> auto readModelFile(const std::string& path, Read&& read) {
    auto a = openModelFile<E>(path);
    try {
        return read(a);
    } catch (const std::exception& e) {
        throw E("cannot read model " + path + ": " + firstLine(e));
    }
}

} // namespace aelab::archive
