#include "datasets/image_set.h"

#include <algorithm>
#include <vector>

namespace aelab {

torch::Tensor evenlySpaced(const torch::Tensor& images, int64_t count) {
    const int64_t n = std::min(count, images.size(0));
    return images.index_select(0, torch::arange(n) * (images.size(0) / n)).contiguous();
}

torch::Tensor spreadPicks(const torch::Tensor& images, int64_t count) {
    return images.index_select(0, (torch::arange(count) * 7919) % images.size(0)).contiguous();
}

ImageSet withTrainingImages(const ImageSet& set, int64_t count) {
    ImageSet out = set;
    const int64_t n = set.train.size(0);
    if (count >= n) return out;
    const int64_t classes = int64_t(set.classNames.size());
    const bool labelled = classes > 0 && set.trainLabels.defined() &&
                          set.trainLabels.numel() == n &&
                          set.trainLabels.min().item<int64_t>() >= 0;
    torch::Tensor pick;
    if (!labelled) {
        pick = torch::arange(count) * (n / count);
    } else {
        // Round robin over the classes: the k-th image of each class in turn.
        std::vector<std::vector<int64_t>> byClass(static_cast<size_t>(classes));
        const auto labels = set.trainLabels.accessor<int64_t, 1>();
        for (int64_t i = 0; i < n; ++i)
            if (labels[i] < classes) byClass[size_t(labels[i])].push_back(i);
        std::vector<int64_t> chosen;
        for (size_t k = 0; int64_t(chosen.size()) < count; ++k) {
            bool any = false;
            for (const auto& members : byClass)
                if (k < members.size() && int64_t(chosen.size()) < count) {
                    chosen.push_back(members[k]);
                    any = true;
                }
            if (!any) break;
        }
        std::sort(chosen.begin(), chosen.end());
        pick = torch::tensor(chosen, torch::kInt64);
    }
    out.train = set.train.index_select(0, pick).contiguous();
    if (set.trainLabels.defined() && set.trainLabels.numel() == n)
        out.trainLabels = set.trainLabels.index_select(0, pick).contiguous();
    return out;
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
