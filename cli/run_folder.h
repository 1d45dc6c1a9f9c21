#pragma once
// A verb's outputs replace an earlier run's as a set (reliability.md, class
// 4). The verb writes into a fresh staging folder inside --out; only when it
// succeeds are its files renamed into place, one atomic rename each, and the
// files an earlier run wrote that this one did not are removed, so the folder
// never mixes two runs' outputs (a rerun with fewer pairs once left the old
// strips beside the new). A manifest (.aelab-run) lists what runs wrote:
// anything else in the folder, such as a user's model or data, is never
// touched. A run that fails, is killed or fills the disk leaves the earlier
// run's files exactly as they were.
#include <QString>

namespace aelab::cli {

// Stages a run for target (created if missing): makes the staging folder,
// removing ones that dead runs left, and returns its path; false with *error
// when target is not a writable folder.
bool beginRunFolder(const QString& target, QString* staging, QString* error);

// Ends the staged run, if any: on success moves its files into place and
// removes an earlier run's leftovers; otherwise removes the staging folder.
// False, with *error, when moving failed (a full disk, permissions).
bool finishRunFolder(bool success, QString* error);

// text with the staging folder's path shown as the target's: messages and
// summaries name the folder the user gave.
QString shownPath(const QString& text);

// The manifest in every run folder: the files (relative paths) the runs wrote.
inline constexpr const char* kRunManifest = ".aelab-run";

} // namespace aelab::cli
