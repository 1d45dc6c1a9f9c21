#include "image_set.h"

namespace aelab {

void splitEvery(const torch::Tensor& images, const torch::Tensor& labels, int testEvery,
                ImageSet& out) {
    const int64_t n = images.size(0);
    auto index = torch::arange(n, torch::kInt64);
    auto isTest = (index % testEvery) == 0;
    auto testIdx = index.masked_select(isTest), trainIdx = index.masked_select(~isTest);
    out.train = images.index_select(0, trainIdx).contiguous();
    out.test = images.index_select(0, testIdx).contiguous();
    out.trainLabels = labels.index_select(0, trainIdx).contiguous();
    out.testLabels = labels.index_select(0, testIdx).contiguous();
}

} // namespace aelab
