#include "cli/run_folder.h"
#include "cli/output.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <signal.h>
#include <unistd.h>

namespace aelab::cli {

namespace {

struct Pending {
    QString target, staging;
};
Pending pending;

constexpr const char* kStagingPrefix = ".aelab-staging-";

// Staging folders whose process is gone (killed runs) are removed.
void removeDeadStagings(const QDir& target) {
    for (const QString& name : target.entryList({QString(kStagingPrefix) + "*"},
                                                QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const long pid = name.mid(int(std::strlen(kStagingPrefix))).toLong(&ok);
        if (ok && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            QDir(target.filePath(name)).removeRecursively();
    }
}

QStringList readManifest(const QDir& target) {
    QFile f(target.filePath(kRunManifest));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

// One staged file into its place in the target: a single rename.
bool moveInto(const QString& from, const QString& to, QString* error) {
    QDir().mkpath(QFileInfo(to).path());
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return true;
    *error = shownPath(to) + ": cannot put it in place (" +
             QString::fromLocal8Bit(std::strerror(errno)) + ")";
    return false;
}

// The manifest is written in the staging folder and moved in like the
// run's files, so a killed run never leaves its temporary in the user's
// folder.
bool placeManifest(const QDir& staging, const QDir& target, const QStringList& files,
                   QString* error) {
    const QString next = staging.filePath(kRunManifest);
    return writeText(next, files.join('\n') + '\n', error) &&
           moveInto(next, target.filePath(kRunManifest), error);
}

// The staging folder's files, relative to it.
QStringList stagedFiles(const QDir& staging) {
    QStringList files;
    QDirIterator it(staging.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << staging.relativeFilePath(it.next());
    files.sort();
    return files;
}

// An earlier run's file this run did not write: removed, and the folders it
// leaves empty (never a folder that still holds anything).
void removeLeftover(const QDir& target, const QString& file) {
    const QFileInfo info(target.filePath(file));
    if (!info.isFile() || info.isSymLink() || file.startsWith("..")) return;
    QFile::remove(info.filePath());
    for (QString dir = QFileInfo(file).path(); dir != "." && !dir.isEmpty();
         dir = QFileInfo(dir).path())
        if (!target.rmdir(dir)) break;
}

} // namespace

bool beginRunFolder(const QString& targetPath, QString* staging, QString* error) {
    const QFileInfo info(targetPath);
    if (info.exists() && !info.isDir()) {
        *error = targetPath + ": exists and is not a folder";
        return false;
    }
    if (!info.exists() && !QDir().mkpath(targetPath)) {
        *error = targetPath + ": cannot create the output folder";
        return false;
    }
    if (!QFileInfo(targetPath).isWritable()) {
        *error = targetPath + ": the output folder is not writable";
        return false;
    }
    const QDir target(QFileInfo(targetPath).absoluteFilePath());
    removeDeadStagings(target);
    const QString path = target.filePath(kStagingPrefix + QString::number(::getpid()));
    QDir(path).removeRecursively();
    if (!QDir().mkpath(path)) {
        *error = targetPath + ": cannot create a folder in it (" +
                 QString::fromLocal8Bit(std::strerror(errno)) + ")";
        return false;
    }
    pending = {target.path(), path};
    *staging = path;
    return true;
}

QString shownPath(const QString& text) {
    if (pending.staging.isEmpty()) return text;
    return QString(text).replace(pending.staging, pending.target);
}

bool finishRunFolder(bool success, QString* error) {
    const Pending p = pending;
    if (p.staging.isEmpty()) return true;
    QDir staging(p.staging);
    const QDir target(p.target);
    bool ok = success;
    if (success) {
        const QStringList now = stagedFiles(staging), before = readManifest(target);
        // Every file that may be present while moving is listed first, so a
        // run killed mid-move leaves nothing the next run would not clean up.
        QStringList both = before + now;
        both.removeDuplicates();
        ok = placeManifest(staging, target, both, error);
        for (const QString& file : now)
            ok = ok && moveInto(staging.filePath(file), target.filePath(file), error);
        const QSet<QString> written(now.begin(), now.end());
        for (const QString& file : before)
            if (ok && !written.contains(file)) removeLeftover(target, file);
        ok = ok && placeManifest(staging, target, now, error);
    }
    pending = {};
    staging.removeRecursively();
    return ok || !success;
}

} // namespace aelab::cli
