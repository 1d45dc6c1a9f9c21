#pragma once
// One contiguous buffer behind a small network's parameters, and one behind
// their gradients, so that Adam and the Polyak average update all of them
// with one operation each. Per tensor, a field-lab step spent most of its
// time in Torch's dispatcher: 6 tensors x 7 Adam operations, 6 averages and
// 6 zeroings, each a few microseconds of overhead on a few kilobytes of work.
// The parameters stay what they were (views into the buffer now), so forward
// passes, copies and checkpoints see them as before.
#include <torch/optim/adam.h>
#include <torch/serialize/archive.h>

#include <vector>

namespace aelab {

// Moves params into one buffer and returns it. With grads, each parameter
// also gets a gradient that is a view into one zeroed buffer, set as the
// returned tensor's gradient: an optimiser over {buffer} trains them all.
torch::Tensor flattenParameters(const std::vector<torch::Tensor>& params, bool withGrads);

// Adam over a buffer from flattenParameters, saved and loaded in the format
// of Adam over the separate parameters, so checkpoints are unchanged.
void saveFlatAdam(torch::optim::Adam& flatAdam, const std::vector<torch::Tensor>& params,
                  torch::serialize::OutputArchive& out);
void loadFlatAdam(torch::optim::Adam& flatAdam, const std::vector<torch::Tensor>& params,
                  torch::serialize::InputArchive& in);

} // namespace aelab
