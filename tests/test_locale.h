#pragma once
// Runs a test's numbers under a locale whose decimal mark is a comma, as a
// German or French desktop has. The locale is compiled from glibc's sources
// into a temporary folder (localedef), so no system locale is needed; where
// that cannot be done the caller skips and says why.
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <clocale>
#include <cstdlib>

// Switches LC_NUMERIC to de_DE.UTF-8 built in dir; empty, or why not.
inline QString useCommaDecimalLocale(const QTemporaryDir& dir) {
    QProcess localedef;
    localedef.start("localedef", {"-i", "de_DE", "-f", "UTF-8", dir.filePath("de_DE.UTF-8")});
    if (!localedef.waitForFinished(60000) || localedef.exitCode() > 1) // 1: warnings only
        return "localedef could not build de_DE.UTF-8: " +
               QString::fromLocal8Bit(localedef.readAllStandardError()).left(200);
    setenv("LOCPATH", dir.path().toLocal8Bit().constData(), 1);
    if (!std::setlocale(LC_NUMERIC, "de_DE.UTF-8")) return "setlocale refused de_DE.UTF-8";
    // The proof the locale bites: strtod now stops at the point.
    char* end = nullptr;
    const char* half = "0.5";
    std::strtod(half, &end);
    if (end != half + 1) return "the de_DE locale did not take a comma";
    return {};
}

inline void restoreCLocale() {
    std::setlocale(LC_NUMERIC, "C");
    unsetenv("LOCPATH");
}
