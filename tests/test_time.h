#pragma once
// Time limits in tests, scaled by AELAB_TEST_TIME_FACTOR (default 1): the
// asan preset sets 10, since a Debug build under AddressSanitizer trains an
// order of magnitude slower. The limits bound waiting, never assert speed.
#include <QString>
#include <QtGlobal>

inline double testTimeFactor() {
    static const double factor = [] {
        bool ok = false;
        const double f = qEnvironmentVariable("AELAB_TEST_TIME_FACTOR").toDouble(&ok);
        return ok && f >= 1 ? f : 1.0;
    }();
    return factor;
}

// A wait of ms milliseconds, scaled.
inline int scaledMs(int ms) {
    return int(ms * testTimeFactor());
}
