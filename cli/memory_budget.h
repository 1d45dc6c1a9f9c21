#pragma once
// The command line's memory budget (reliability.md, class 6): a verb runs
// within the machine's physical memory, or AELAB_MEMORY_LIMIT ("4G",
// "1500M"), whichever is set, as a limit on the process's address space.
// Past it an allocation fails, and the one policy of cli.cpp ends the run
// with "out of memory; lower …", exit 1: never the kernel's OOM killer
// ending it with a signal, and never the machine swapping to a halt.
#include <QString>
#include <cstdint>

namespace aelab::cli {

// Sets the limit (never above one already set, as by `ulimit -v`). The
// budget in bytes, or 0 when none could be set.
std::uint64_t applyMemoryBudget();

// "budget 23.4 GB, the machine's memory" or "budget 1.5 GB, AELAB_MEMORY_LIMIT".
QString memoryBudgetText();

// What a failed allocation's message becomes, wherever it surfaces (Torch
// reports one as its own error, with a backtrace): "out of memory (budget
// …); lower the sizes the run was given (…)", with Torch's first line.
// Empty when what is not about a failed allocation.
QString outOfMemoryMessage(const QString& what);

// "4G", "1500M", "800000K" or plain bytes; 0 for anything else.
std::uint64_t parseMemorySize(const QString& text);

} // namespace aelab::cli
