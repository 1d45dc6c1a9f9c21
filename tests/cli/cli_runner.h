#pragma once
// Runs the aelab binary (AELAB_CLI, set by CTest) with args; returns its exit
// code (-1 on a 5-minute timeout) and, if err is given, its standard error.
#include <QProcess>
#include <QString>
#include <QStringList>

inline int runCli(const QStringList& args, QString* err = nullptr) {
    QProcess p;
    p.start(qEnvironmentVariable("AELAB_CLI"), args);
    if (!p.waitForFinished(300000)) return -1;
    if (err) *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}
