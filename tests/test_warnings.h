#pragma once
// Warnings fail tests. A Qt warning during a test (a method called by a name
// that does not exist, a connection that failed, a timer started from the
// wrong thread) is a bug the test must not pass over: every test class calls
// failOnWarnings() in init(). Expected warnings are declared with
// QTest::ignoreMessage, which Qt Test checks first. Let through: the
// offscreen platform's notes that it cannot size windows, and a server's
// unset XDG_RUNTIME_DIR; neither says anything of our code.
#include <QRegularExpression>
#include <QtTest>

inline void failOnWarnings() {
    static const QRegularExpression anyButPlatformNotes(
        QStringLiteral("^(?!.*(propagateSizeHints|QStandardPaths: )).*"),
        QRegularExpression::DotMatchesEverythingOption);
    QTest::failOnWarning(anyButPlatformNotes);
}
