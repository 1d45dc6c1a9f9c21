// Autoencoder Lab: the GUI, or a headless verb when the first argument is one.
#include "bench/verbs.h"
#include "cli/cli.h"
#include "app/shell/main_window.h"
#include "core/training/blas_kernel.h"
#include "core/training/torch_threads.h"

#include "app/labkit/escaped_failure.h"

#include <QApplication>
#include <QIcon>
#include <QTextStream>
#include <QTimer>

namespace {
QtMessageHandler defaultHandler = nullptr;
// Headless verbs promise one-line errors: Qt's note that XDG_RUNTIME_DIR is
// unset (usual on servers and CI) is not one of ours, nor the offscreen
// platform's that it cannot resize windows to hints (the benchmark shows one).
void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type != QtFatalMsg && (message.startsWith(QLatin1String("QStandardPaths:")) ||
                               message.contains(QLatin1String("propagateSizeHints"))))
        return;
    defaultHandler(type, context, message);
}
// For `aelab bench`'s startup_ms: says "painted" on stdout once the window
// has drawn itself for the first time, then quits.
class FirstPaintProbe : public QObject {
  public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !seen_) {
            seen_ = true;
            // After this event: the paint has happened once the loop runs again.
            QTimer::singleShot(0, qApp, [] {
                QTextStream(stdout) << "painted" << Qt::endl;
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

  private:
    bool seen_ = false;
};

void quitAfterFirstPaint(QWidget& window) {
    window.installEventFilter(new FirstPaintProbe(&window));
}
} // namespace

int main(int argc, char** argv) {
    using namespace aelab;
    // First: it may restart the process under a better BLAS kernel.
    chooseBlasKernel(argv);
    keepAllocationsWarm();
    const bool headless = argc > 1 && argv[1][0] != '-';
    const QByteArray first = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    const bool infoOnly = first == "--help" || first == "-h" || first == "--version";
    // Verbs draw their PNGs with the GUI's widgets, but never need a screen;
    // --help and --version must answer on a machine without a display too.
    if ((headless || infoOnly) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (headless || infoOnly) defaultHandler = qInstallMessageHandler(quietHandler);
    GuardedApplication app(argc, argv); // what escapes a slot stops its lab, not the app
    QApplication::setApplicationName("aelab");
    QApplication::setOrganizationName("Autoencoder Lab");
    QApplication::setApplicationVersion(AELAB_VERSION);
    // The installed icon and desktop entry (packaging/), where they are.
    QApplication::setDesktopFileName("aelab");
    QApplication::setWindowIcon(QIcon::fromTheme("aelab"));
    const QStringList args = QApplication::arguments();

    const QList<aelab::cli::Verb> verbs = aelab::cli::builtInVerbs() + aelab::bench::verbs();
    if (headless) return aelab::cli::run(args, verbs);
    if (args.contains("--help") || args.contains("-h")) {
        QTextStream(stdout) << aelab::cli::usage(verbs);
        return 0;
    }
    if (args.contains("--version")) {
        QTextStream(stdout) << "aelab " << AELAB_VERSION << "\n"
                            << QString::fromStdString(aelab::blasSummary()) << "\n";
        return 0;
    }
    GuiOptions options;
    if (const QString bad = parseGuiOptions(args, &options); !bad.isEmpty()) {
        QTextStream(stderr) << "aelab: " << bad << " (try aelab --help)\n";
        return 2;
    }
    // One Torch thread for training: the other core keeps the GUI fluid.
    aelab::setTorchThreads(1);
    MainWindow window;
    window.show();
    // After the window is up, so a failure shows as a message in it.
    QTimer::singleShot(0, &window, [&window, options] { window.startWith(options); });
    if (qEnvironmentVariableIsSet("AELAB_STARTUP_PROBE")) quitAfterFirstPaint(window);
    return app.exec();
}
