#pragma once
// The command line: headless verbs that run the same core code as the GUI.
// Exit codes: 0 success, 1 a failure while running, 2 bad options or input.
#include <QString>
#include <QStringList>

bool isCliVerb(const QString& word);
// args[0] is the program, args[1] the verb.
int runCli(const QStringList& args);
QString cliUsage();
