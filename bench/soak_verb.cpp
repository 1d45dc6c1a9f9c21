// aelab soak: a long training session with the GUI open (offscreen), to show
// that memory stays flat. The labs take turns training in front (field, image,
// interpolation, DVAE, then again), and the resident set size is sampled
// every few seconds. Memory is compared at the same point of each round, the
// end of each lab's turn, from the second round on (in the first every lab
// builds its model, data and caches): a leak shows as growth from one round
// to the next.
#include "bench/verbs.h"
#include "cli/args.h"
#include "cli/field_common.h"
#include "cli/output.h"

#include "app/labs/dvae/dvae_lab.h"
#include "app/labs/field/field_lab.h"
#include "app/labs/image/image_lab.h"
#include "app/labs/interp/interp_lab.h"
#include "app/shell/main_window.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace aelab {

namespace {
double residentMb() {
    QFile f("/proc/self/status");
    if (!f.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024;
    return 0;
}

struct Turn {
    const char* name;
    QWidget* lab;
    std::function<void(bool)> train; // start (true) or stop (false)
};
} // namespace

namespace bench {

// The bench verbs read options and write files as every verb does.
using namespace cli;

int runSoakVerb(const QStringList& args) {
    CliArgs a("soak", "Train with the GUI open for a long time, the labs taking turns; sample "
                      "memory and write DIR/soak.json.");
    a.addOption("minutes", "Length of the run.", "60");
    a.addOption("turn-seconds", "How long each lab trains before the next takes over.", "300");
    a.addOption("sample-seconds", "Seconds between two memory samples.", "10");
    a.addOption("out", "Output folder (created if missing).");
    if (!a.parse(args)) return usageError(a);
    if (a.helpRequested()) return printHelp(a);
    double minutes = 0, turnSeconds = 0, sampleSeconds = 0;
    if (!a.number("minutes", 0.01, 100000, minutes) ||
        !a.number("turn-seconds", 0.5, 100000, turnSeconds) ||
        !a.number("sample-seconds", 0.1, 3600, sampleSeconds))
        return usageError(a);
    QDir dir;
    if (int code = openOutputDir(a, dir)) return code;

    MainWindow window;
    window.resize(1400, 880);
    window.show();
    auto* tabs = window.findChild<QTabWidget*>();
    // Each lab starts paused, so a toggle starts and the next one stops it.
    const std::vector<Turn> turns = {
        {"field", window.fieldLab(), [&](bool on) { window.fieldLab()->setPlaying(on); }},
        {"image", window.imageLab(), [&](bool) { window.imageLab()->toggleTraining(); }},
        {"interpolation", window.interpLab(), [&](bool) { window.interpLab()->toggleTraining(); }},
        {"dvae", window.dvaeLab(), [&](bool) { window.dvaeLab()->toggleTraining(); }},
    };
    QJsonArray samples, turnEnds;
    std::map<std::string, std::vector<double>> endsByLab; // RSS at the end of each turn
    QElapsedTimer clock;
    clock.start();
    size_t current = 0;
    auto seconds = [&] { return double(clock.elapsed()) / 1000; };
    auto sample = [&] { samples.append(QJsonArray{seconds(), residentMb(), turns[current].name}); };
    auto startTurn = [&] {
        tabs->setCurrentWidget(turns[current].lab);
        turns[current].train(true);
    };
    startTurn();
    sample();

    QEventLoop loop;
    QTimer sampler, switcher;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        sample();
        if (seconds() >= minutes * 60) loop.quit();
    });
    QObject::connect(&switcher, &QTimer::timeout, [&] {
        const double rss = residentMb();
        turnEnds.append(QJsonArray{seconds(), rss, turns[current].name});
        endsByLab[turns[current].name].push_back(rss);
        turns[current].train(false);
        current = (current + 1) % turns.size();
        startTurn();
    });
    sampler.start(int(sampleSeconds * 1000));
    switcher.start(int(turnSeconds * 1000));
    loop.exec();
    turns[current].train(false);

    const double first = samples.first().toArray()[1].toDouble();
    const double last = samples.last().toArray()[1].toDouble();
    double peak = 0;
    for (const auto& s : samples)
        peak = std::max(peak, s.toArray()[1].toDouble());
    QJsonObject r{{"minutes", seconds() / 60}, {"turn_seconds", turnSeconds},
                  {"rss_start_mb", first},     {"rss_end_mb", last},
                  {"rss_max_mb", peak},        {"turn_ends", turnEnds},
                  {"samples", samples}};
    // Per lab: its last turn's end against its second (the first after
    // every lab was built). The largest is the run's growth figure.
    QJsonObject growth;
    double worst = 0;
    for (const auto& [lab, ends] : endsByLab)
        if (ends.size() >= 3) {
            growth[QString::fromStdString(lab)] = ends.back() - ends[1];
            worst = std::max(worst, ends.back() - ends[1]);
        }
    if (!growth.isEmpty()) {
        r["growth_after_first_round_mb"] = growth;
        r["growth_mb"] = worst;
    }
    QString error;
    if (!writeJson(dir.filePath("soak.json"), r, &error)) return runError(a, error);
    QTextStream(stdout)
        << QString("aelab soak: %1 min, RSS %2 MB at start, %3 MB at the end, %4 MB at most\n")
               .arg(seconds() / 60, 0, 'f', 1)
               .arg(first, 0, 'f', 0)
               .arg(last, 0, 'f', 0)
               .arg(peak, 0, 'f', 0);
    return 0;
}

} // namespace bench

} // namespace aelab
