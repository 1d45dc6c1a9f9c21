#include "cli/memory_budget.h"

#include <QFile>

#include <sys/resource.h>

namespace aelab::cli {

namespace {
std::uint64_t budget = 0;
QString source;

std::uint64_t physicalMemory() {
    QFile f("/proc/meminfo");
    if (!f.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("MemTotal:"))
            return line.mid(9).trimmed().split(' ')[0].toULongLong() * 1024;
    return 0;
}
} // namespace

std::uint64_t parseMemorySize(const QString& text) {
    const QString t = text.trimmed().toUpper();
    if (t.isEmpty()) return 0;
    std::uint64_t unit = 1;
    QString digits = t;
    if (t.endsWith('G')) unit = 1ull << 30;
    if (t.endsWith('M')) unit = 1ull << 20;
    if (t.endsWith('K')) unit = 1ull << 10;
    if (unit != 1) digits.chop(1);
    bool ok = false;
    const double value = digits.toDouble(&ok); // QString::toDouble: the C locale
    if (!ok || !(value > 0) || value * double(unit) > 1e18) return 0;
    return std::uint64_t(value * double(unit));
}

std::uint64_t applyMemoryBudget() {
    std::uint64_t want = physicalMemory();
    source = "the machine's memory";
    if (const std::uint64_t set = parseMemorySize(qEnvironmentVariable("AELAB_MEMORY_LIMIT"))) {
        want = set;
        source = "AELAB_MEMORY_LIMIT";
    }
    rlimit now{};
    if (want == 0 || getrlimit(RLIMIT_AS, &now) != 0) return 0;
    if (now.rlim_cur != RLIM_INFINITY && now.rlim_cur <= want) {
        budget = now.rlim_cur;
        source = "the address-space limit already set";
        return budget;
    }
    now.rlim_cur = rlim_t(want);
    if (setrlimit(RLIMIT_AS, &now) != 0) return 0;
    budget = want;
    return budget;
}

QString memoryBudgetText() {
    if (budget == 0) return {};
    return QStringLiteral("budget %1 GB, %2")
        .arg(double(budget) / double(1ull << 30), 0, 'f', 1)
        .arg(source);
}

QString outOfMemoryMessage(const QString& what) {
    const QString first = what.section('\n', 0, 0);
    const bool torch = first.contains(QLatin1String("can't allocate memory"));
    if (!torch && !first.contains(QLatin1String("bad_alloc")) && !first.contains("out of memory"))
        return {};
    QString text = QStringLiteral("out of memory (%1); lower the sizes the run was given "
                                  "(points, particles, width, batch, images)")
                       .arg(memoryBudgetText());
    if (torch) text += " (" + first.section("] ", 1) + ")";
    return text;
}

} // namespace aelab::cli
