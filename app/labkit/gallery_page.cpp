#include "datasets/image_set.h"
#include <torch/types.h>

#include "app/labkit/gallery_page.h"
#include "app/labkit/image_convert.h"

namespace aelab {

GalleryPage galleryPage(const aelab::ImageSet& data, int page, bool testSplit, int perPage) {
    const auto& images = testSplit ? data.test : data.train;
    const auto& labels = testSplit ? data.testLabels : data.trainLabels;
    const int64_t total = images.size(0);
    const int64_t begin =
        std::min<int64_t>(int64_t(page) * perPage, std::max<int64_t>(0, total - 1));
    const int64_t end = std::min<int64_t>(total, begin + perPage);
    GalleryPage out;
    for (int64_t i = begin; i < end; ++i) {
        const int64_t l = labels[i].item<int64_t>();
        out.captions << (l >= 0 && size_t(l) < data.classNames.size()
                             ? QString::fromStdString(data.classNames[size_t(l)])
                             : QString());
    }
    out.page = int(begin / std::max(1, perPage));
    out.total = int(total);
    out.images = toImages(images.slice(0, begin, end));
    return out;
}

} // namespace aelab
