#include "datasets/image_folder.h"
#include "datasets/dataset_error.h"
#include "core/io/input_file.h"

#include <QFileInfo>
#include <QImageReader>
#include <QSize>
#include <QString>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>

namespace aelab {

namespace {
// Decoders set aside what a header claims before reading any pixel: a 61-byte
// BMP claiming a gigapixel made OpenCV allocate 3 GB, a 122-byte JPEG kept it
// busy for seconds (both found by fuzzing). Qt reads just the header; formats
// Qt cannot size are left to OpenCV's own limit (a gigapixel).
constexpr qint64 kMaxPixels = qint64(64) << 20; // 64 megapixels: any camera photo

void refuseHugeImages(const std::string& path) {
    QImageReader reader(QString::fromStdString(path));
    const QSize size = reader.size();
    if (size.isValid()) {
        if (qint64(size.width()) * size.height() > kMaxPixels)
            throw DatasetError(path + ": " + std::to_string(size.width()) + " x " +
                               std::to_string(size.height()) +
                               " pixels is more than this program opens (64 megapixels)");
        return;
    }
    // A file named as a format Qt reads, whose header Qt cannot read, is
    // damaged: OpenCV would trust the same header's dimensions.
    const QByteArray suffix = QFileInfo(reader.fileName()).suffix().toLower().toLatin1();
    if (QImageReader::supportedImageFormats().contains(suffix))
        throw DatasetError(path + ": the image header is damaged (" +
                           reader.errorString().toStdString() + ")");
}
} // namespace

torch::Tensor readImageFile(const std::string& path, const ImageFolderOptions& o) {
    if (auto why = checkInputFile(path, kImageLimit)) throw DatasetError(*why);
    refuseHugeImages(path);
    cv::Mat img;
    try {
        img = cv::imread(path, o.channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        throw DatasetError(path + ": cannot decode the image (" + e.what() + ")");
    }
    if (img.empty())
        throw DatasetError(path +
                           ": not an image OpenCV can decode (corrupt or unsupported format)");
    if (o.channels == 3) cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
    // Area averaging when shrinking keeps thin strokes; linear when enlarging.
    const bool shrink = img.cols > o.width || img.rows > o.height;
    cv::resize(img, img, cv::Size(o.width, o.height), 0, 0,
               shrink ? cv::INTER_AREA : cv::INTER_LINEAR);
    if (img.depth() != CV_8U) img.convertTo(img, CV_8U, img.depth() == CV_16U ? 1.0 / 257 : 1.0);
    auto hwc = torch::from_blob(img.data, {o.height, o.width, o.channels}, torch::kUInt8);
    return hwc.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32).div_(255.0f).contiguous();
}

ImageSet loadImageFolder(const std::string& folder, const ImageFolderOptions& o) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw DatasetError(folder + ": not a folder");
    std::vector<std::string> files;
    ImageSet set;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        // The error_code overload: a link loop in the folder is one skipped
        // entry, not an exception that ends the run.
        std::error_code entryError;
        if (entry.is_regular_file(entryError))
            files.push_back(entry.path().string());
        else if (entryError)
            set.skipped.push_back(entry.path().string() + ": " +
                                  (entryError == std::errc::too_many_symbolic_link_levels
                                       ? std::string("a loop of symbolic links")
                                       : entryError.message()));
        else if (!entry.is_directory(entryError))
            set.skipped.push_back(entry.path().string() +
                                  ": not a regular file (a pipe, device or socket)");
    }
    std::sort(files.begin(), files.end());
    set.name = fs::path(folder).filename().string();
    std::vector<torch::Tensor> images;
    for (const auto& f : files) {
        try {
            images.push_back(readImageFile(f, o));
        } catch (const DatasetError& e) {
            set.skipped.push_back(e.what());
        }
    }
    if (images.empty()) {
        // Say why, for the first few: "no readable image" alone leaves the user guessing.
        std::string reasons;
        for (size_t i = 0; i < set.skipped.size() && i < 3; ++i)
            reasons += (i ? "; " : " (") + set.skipped[i];
        if (!reasons.empty()) reasons += set.skipped.size() > 3 ? "; ...)" : ")";
        throw DatasetError(folder + ": no readable image among " + std::to_string(files.size()) +
                           " files" + reasons);
    }
    auto all = torch::cat(images);
    // A folder of one image still trains and tests on that image.
    if (all.size(0) == 1) {
        set.train = set.test = all;
        set.trainLabels = set.testLabels = torch::full({1}, -1, torch::kInt64);
        return set;
    }
    splitEvery(all, torch::full({all.size(0)}, -1, torch::kInt64), o.testEvery, set);
    return set;
}

} // namespace aelab
