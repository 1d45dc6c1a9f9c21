#include "core/training/flat_parameters.h"

#include <c10/util/string_utils.h>

#include <stdexcept>

namespace aelab {

namespace {
using torch::optim::Adam;
using torch::optim::AdamParamState;

std::string stateKey(const torch::Tensor& p) {
    return c10::guts::to_string(p.unsafeGetTensorImpl());
}

const torch::Tensor& onlyParameter(Adam& adam) {
    const auto& groups = adam.param_groups();
    if (groups.size() != 1 || groups[0].params().size() != 1)
        throw std::logic_error("flat Adam must hold one buffer");
    return groups[0].params()[0];
}

// Adam over stand-ins shaped like params, with the options of flatAdam.
Adam perTensorAdam(Adam& flatAdam, const std::vector<torch::Tensor>& params,
                   std::vector<torch::Tensor>& standIns) {
    for (const auto& p : params)
        standIns.push_back(torch::zeros_like(p).requires_grad_(true));
    const auto& options =
        static_cast<const torch::optim::AdamOptions&>(flatAdam.param_groups()[0].options());
    return Adam(standIns, options);
}
} // namespace

torch::Tensor flattenParameters(const std::vector<torch::Tensor>& params, bool withGrads) {
    torch::NoGradGuard noGrad;
    int64_t total = 0;
    for (const auto& p : params)
        total += p.numel();
    auto flat = torch::empty({total}, params.at(0).options());
    auto grads = withGrads ? torch::zeros({total}, flat.options()) : torch::Tensor();
    int64_t at = 0;
    // A handle by value: set_ changes the module's own tensor.
    for (auto p : params) { // NOLINT(performance-for-range-copy)
        const int64_t n = p.numel();
        auto view = flat.slice(0, at, at + n).view(p.sizes());
        view.copy_(p);
        p.set_(view);
        if (withGrads) p.mutable_grad() = grads.slice(0, at, at + n).view(p.sizes());
        at += n;
    }
    if (withGrads) {
        flat.set_requires_grad(true);
        flat.mutable_grad() = grads;
    }
    return flat;
}

void saveFlatAdam(Adam& flatAdam, const std::vector<torch::Tensor>& params,
                  torch::serialize::OutputArchive& out) {
    std::vector<torch::Tensor> standIns;
    Adam split = perTensorAdam(flatAdam, params, standIns);
    auto found = flatAdam.state().find(stateKey(onlyParameter(flatAdam)));
    if (found != flatAdam.state().end()) { // no state before the first step
        const auto& s = static_cast<const AdamParamState&>(*found->second);
        int64_t at = 0;
        for (const auto& p : standIns) {
            const int64_t n = p.numel();
            auto part = std::make_unique<AdamParamState>();
            part->step(s.step());
            part->exp_avg(s.exp_avg().slice(0, at, at + n).view(p.sizes()).clone());
            part->exp_avg_sq(s.exp_avg_sq().slice(0, at, at + n).view(p.sizes()).clone());
            if (s.max_exp_avg_sq().defined())
                part->max_exp_avg_sq(
                    s.max_exp_avg_sq().slice(0, at, at + n).view(p.sizes()).clone());
            split.state()[stateKey(p)] = std::move(part);
            at += n;
        }
    }
    split.save(out);
}

void loadFlatAdam(Adam& flatAdam, const std::vector<torch::Tensor>& params,
                  torch::serialize::InputArchive& in) {
    std::vector<torch::Tensor> standIns;
    Adam split = perTensorAdam(flatAdam, params, standIns);
    split.load(in); // throws for a file of another shape
    std::vector<torch::Tensor> avg, avgSq, maxSq;
    int64_t step = -1;
    for (const auto& p : standIns) {
        auto found = split.state().find(stateKey(p));
        if (found == split.state().end()) continue;
        const auto& s = static_cast<const AdamParamState&>(*found->second);
        if (!s.exp_avg().sizes().equals(p.sizes()))
            throw std::runtime_error("optimiser state does not match the weights");
        step = s.step();
        avg.push_back(s.exp_avg().reshape({-1}));
        avgSq.push_back(s.exp_avg_sq().reshape({-1}));
        if (s.max_exp_avg_sq().defined()) maxSq.push_back(s.max_exp_avg_sq().reshape({-1}));
    }
    const std::string key = stateKey(onlyParameter(flatAdam));
    flatAdam.state().erase(key);
    if (avg.empty()) return; // saved before the first step
    if (avg.size() != standIns.size())
        throw std::runtime_error("optimiser state covers only some weights");
    auto merged = std::make_unique<AdamParamState>();
    merged->step(step);
    merged->exp_avg(torch::cat(avg));
    merged->exp_avg_sq(torch::cat(avgSq));
    if (maxSq.size() == standIns.size()) merged->max_exp_avg_sq(torch::cat(maxSq));
    flatAdam.state()[key] = std::move(merged);
}

} // namespace aelab
