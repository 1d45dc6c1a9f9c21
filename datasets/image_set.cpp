#include "datasets/image_set.h"

namespace aelab {

torch::Tensor evenlySpaced(const torch::Tensor& images, int64_t count) {
    const int64_t n = std::min(count, images.size(0));
    return images.index_select(0, torch::arange(n) * (images.size(0) / n)).contiguous();
}

torch::Tensor spreadPicks(const torch::Tensor& images, int64_t count) {
    return images.index_select(0, (torch::arange(count) * 7919) % images.size(0)).contiguous();
}

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
