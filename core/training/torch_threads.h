#pragma once
// Sets LibTorch's intra-op thread count without pulling Torch headers into
// the caller. The field lab's small MLP runs fastest on one thread, and on a
// 2-core machine the other core belongs to the GUI.
namespace aelab {
void setTorchThreads(int threads);
int torchThreads();

// glibc hands allocations above its mmap threshold straight to mmap and gives
// them back on free, so every training step of a conv net (activations of a
// few MB) paid page faults and zeroing again: 4x slower at batch 64. Raising
// the threshold to its 32 MB ceiling and keeping freed memory lets the
// allocator reuse the same blocks; memory stays flat at the peak of a step.
// Returns false where the C library refused (or is not glibc).
bool keepAllocationsWarm();
} // namespace aelab
