#pragma once
// Runs the aelab binary (AELAB_CLI, set by CTest) as a user would, in a child
// process. A binary that does not start, crashes or runs past 5 minutes
// gives code -1 and says so in err: never an exit code a test could expect.
#include <QProcess>
#include <QString>
#include <QStringList>

struct CliRun {
    int code = -1;
    QString out, err;
};

inline CliRun runCliCaptured(const QStringList& args) {
    QProcess p;
    const QString program = qEnvironmentVariable("AELAB_CLI");
    p.start(program, args);
    if (!p.waitForStarted(30000)) return {-1, {}, "did not start: " + program};
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, "ran past 5 minutes: " + args.join(' ')};
    }
    CliRun r{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError())};
    if (p.exitStatus() != QProcess::NormalExit) r = {-1, r.out, "crashed: " + r.err};
    return r;
}

inline int runCli(const QStringList& args, QString* err = nullptr) {
    const CliRun r = runCliCaptured(args);
    if (err) *err = r.err;
    return r.code;
}
