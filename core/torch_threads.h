#pragma once
// Sets LibTorch's intra-op thread count without pulling Torch headers into
// the caller. The field lab's small MLP runs fastest on one thread, and on a
// 2-core machine the other core belongs to the GUI.
namespace aelab {
void setTorchThreads(int threads);
int torchThreads();
} // namespace aelab
