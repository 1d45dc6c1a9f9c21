#include "app/shell/main_window.h"
#include "app/labs/chain/chain_lab.h"
#include "app/labkit/view_recorder.h"
#include "app/labs/image/image_lab.h"
#include "app/labs/interp/interp_lab.h"
#include "app/labs/dvae/dvae_lab.h"
#include "app/labs/field/field_lab.h"
#include "widgets/field_plot.h"
#include "widgets/plot_export.h"
#include "app/shell/lab_deck.h"
#include "app/shell/presentation_strip.h"
#include "app/shell/welcome_card.h"
#include "app/labkit/lab_frame.h"
#include "app/shell/session_actions.h"
#include "app/shell/setup_history.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QDialog>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QScreen>
#include <QUndoStack>

namespace aelab {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Autoencoder Lab"));
    tabs_ = new QTabWidget(this);
    fieldLab_ = new FieldLab(tabs_);
    tabs_->addTab(fieldLab_, tr("Field lab"));
    chainLab_ = new ChainLab(fieldLab_, tabs_);
    tabs_->addTab(chainLab_, tr("Chain lab"));
    imageLab_ = new ImageLab(tabs_);
    tabs_->addTab(imageLab_, tr("Image lab"));
    connect(imageLab_, &ImageLab::errorOccurred, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    interpLab_ = new InterpLab(tabs_);
    tabs_->addTab(interpLab_, tr("Interpolation lab"));
    connect(interpLab_, &InterpLab::errorOccurred, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    dvaeLab_ = new DvaeLab(tabs_);
    tabs_->addTab(dvaeLab_, tr("DVAE lab"));
    connect(dvaeLab_, &DvaeLab::errorOccurred, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    // Samples of the DVAE lab go to the image lab's DAE (Creswell et al.).
    connect(dvaeLab_, &DvaeLab::refineRequested, this,
            [this](const QVector<QImage>& samples, const QString& from) {
                tabs_->setCurrentWidget(imageLab_);
                imageLab_->refineFrom(samples, from);
                statusBar()->showMessage(tr("Refining %1 samples of %2 with the image lab's DAE")
                                             .arg(samples.size())
                                             .arg(from),
                                         8000);
            });
    connect(chainLab_, &ChainLab::errorOccurred, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    recorder_ = new ViewRecorder(this);
    recordBadge_ = new QLabel(this);
    recordBadge_->setStyleSheet("color:#b00020; font-weight:bold; padding:0 8px;");
    statusBar()->addPermanentWidget(recordBadge_);
    // Loading a dataset takes seconds: an indeterminate bar says so.
    busyBar_ = new QProgressBar(this);
    busyBar_->setRange(0, 0);
    busyBar_->setMaximumWidth(160);
    busyBar_->hide();
    statusBar()->addPermanentWidget(busyBar_);
    auto showBusy = [this](const QString& what) {
        busyBar_->setVisible(!what.isEmpty());
        busyBar_->setToolTip(what);
        if (!what.isEmpty())
            statusBar()->showMessage(what);
        else
            statusBar()->clearMessage();
    };
    connect(imageLab_, &ImageLab::busyChanged, this, showBusy);
    connect(interpLab_, &InterpLab::busyChanged, this, showBusy);
    connect(dvaeLab_, &DvaeLab::busyChanged, this, showBusy);
    auto* badgeTimer = new QTimer(this);
    connect(badgeTimer, &QTimer::timeout, this, [this] {
        recordBadge_->setText(
            recorder_->isRecording()
                ? tr("● REC  %1 frames%2")
                      .arg(recorder_->framesGrabbed())
                      .arg(recorder_->framesDropped()
                               ? tr(", %1 dropped").arg(recorder_->framesDropped())
                               : QString())
                : QString());
    });
    badgeTimer->start(250);
    caption_ = new QLabel(this);
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::RichText);
    caption_->setStyleSheet("background:#fff8d6; border:1px solid #e0c060; padding:6px 10px;");
    caption_->hide();
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    strip_ = new PresentationStrip(central);
    strip_->hide();
    column->addWidget(caption_);
    column->addWidget(strip_);
    column->addWidget(tabs_, 1);
    setCentralWidget(central);
    buildDeck();
    connect(fieldLab_, &FieldLab::errorOccurred, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    buildMenus();
    QStringList names;
    for (int i = 0; i < tabs_->count(); ++i)
        names << tabs_->tabText(i);
    strip_->setLabNames(names);
    connect(strip_, &PresentationStrip::labChosen, tabs_, &QTabWidget::setCurrentIndex);
    connect(tabs_, &QTabWidget::currentChanged, this, &MainWindow::labChanged);
    statusBar()->showMessage(tr("Press Space to train, S to step, R to reset."), 5000);

    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1280, 820);
    fitToScreen();
    tabs_->setCurrentIndex(settings.value("window/lab", 0).toInt());
    if (WelcomeCard::wanted()) {
        welcome_ = new WelcomeCard(fieldLab_, [this] {
            QString error;
            if (!sessions_->startLesson("1", &error))
                QMessageBox::warning(this, tr("Cannot start the lesson"), error);
        });
        // Training, a lesson or a session means the user found their way.
        connect(fieldLab_, &FieldLab::playingChanged, welcome_, [card = welcome_](bool on) {
            if (on) card->hide();
        });
    }
}

// Normal mode never opens larger than the screen it is on (a 1280x720
// projector included): the window shrinks to the screen's free area, no
// smaller than its layout allows, and moves inside it.
void MainWindow::fitToScreen() {
    const QScreen* on = screen();
    if (!on) return;
    const QRect free = on->availableGeometry();
    resize(size().boundedTo(free.size()).expandedTo(minimumSizeHint()));
    if (!free.contains(geometry())) move(free.topLeft());
}

void MainWindow::buildMenus() {
    auto add = [this](QMenu* menu, const QString& text, const QKeySequence& key, auto slot) {
        QAction* a = menu->addAction(text);
        a->setShortcut(key);
        a->setShortcutContext(Qt::ApplicationShortcut);
        addAction(a); // its shortcut works while presentation mode hides the menus
        connect(a, &QAction::triggered, this, slot);
        shortcutActions_.append(a);
        return a;
    };
    const SessionActions::AddAction addFn =
        [add](QMenu* menu, const QString& text, const QKeySequence& key,
              const std::function<void()>& slot) { return add(menu, text, key, slot); };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    sessions_->addFileActions(file, addFn);
    add(file, tr("Load points from CSV…"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Load points"), QString(), tr("CSV points (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty()) fieldLab_->loadCsv(path);
    });
    add(file, tr("Export plot…"), QKeySequence(Qt::CTRL | Qt::Key_E),
        [this] { exportCurrentPlot(); });
    add(file, tr("Export the field at four noise levels…"), QKeySequence(),
        [this] { exportFieldLevels(); });
    file->addSeparator();
    add(file, tr("Copy the view to the clipboard"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
        [this] { copyViewToClipboard(); });
    add(file, tr("Quit"), QKeySequence::Quit, [this] { close(); });

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    for (QAction* a : {history_->stack()->createUndoAction(this, tr("Undo")),
                       history_->stack()->createRedoAction(this, tr("Redo"))}) {
        a->setShortcutContext(Qt::ApplicationShortcut);
        edit->addAction(a);
        shortcutActions_.append(a);
    }
    shortcutActions_[shortcutActions_.size() - 2]->setShortcut(QKeySequence::Undo);
    shortcutActions_.last()->setShortcut(QKeySequence::Redo);

    QMenu* train = menuBar()->addMenu(tr("&Training"));
    // Space, S and R act on the lab in front: training in the field lab, the chain in the chain
    // lab.
    add(train, tr("Play / pause"), QKeySequence(Qt::Key_Space), [this] {
        if (tabs_->currentWidget() == imageLab_)
            imageLab_->toggleTraining();
        else if (tabs_->currentWidget() == interpLab_)
            interpLab_->toggleTraining();
        else if (tabs_->currentWidget() == dvaeLab_)
            dvaeLab_->toggleTraining();
        else if (chainTabActive())
            chainLab_->togglePlaying();
        else
            fieldLab_->togglePlaying();
    });
    add(train, tr("One step"), QKeySequence(Qt::Key_S), [this] {
        if (chainTabActive())
            chainLab_->stepOnce();
        else
            fieldLab_->stepOnce();
    });
    add(train, tr("Reset (same seed) / restart the chain"), QKeySequence(Qt::Key_R), [this] {
        if (chainTabActive())
            chainLab_->restart();
        else
            fieldLab_->reset(false);
    });
    add(train, tr("Reset with a new seed"), QKeySequence(Qt::SHIFT | Qt::Key_R),
        [this] { fieldLab_->reset(true); });
    train->addSeparator();
    add(train, tr("Pause all labs"), QKeySequence(Qt::CTRL | Qt::Key_Period),
        [this] { deck_->pauseAll(); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* present = add(view, tr("Presentation mode"), QKeySequence(Qt::Key_F11),
                           [this] { setPresentation(!isFullScreen()); });
    present->setToolTip(tr("Full screen, large fonts and thick lines for the back of the room"));
    add(view, tr("Show or fold the charts"), QKeySequence(Qt::Key_F7),
        [this] { foldInFront(true); });
    add(view, tr("Show or fold the control panel"), QKeySequence(Qt::Key_F8),
        [this] { foldInFront(false); });
    recordAction_ = add(view, tr("Record the plot (F9 again stops)"), QKeySequence(Qt::Key_F9),
                        [this] { toggleRecording(); });
    add(view, tr("Recording settings…"), QKeySequence(), [this] { editRecordingSettings(); });

    sessions_->addLessonMenu(menuBar(), addFn);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    add(help, tr("What am I looking at?"), QKeySequence(Qt::SHIFT | Qt::Key_F1),
        [this] { showHelpPage(); });
    add(help, tr("Keyboard shortcuts"), QKeySequence(Qt::Key_F1), [this] { showShortcuts(); });
    add(help, tr("About Autoencoder Lab"), QKeySequence(), [this] {
        QMessageBox::about(
            this, tr("About Autoencoder Lab"),
            tr("<b>Autoencoder Lab %1</b><p>Train denoising autoencoders live and "
               "compare what they learn with what the mathematics says they should.</p>")
                .arg(QStringLiteral(AELAB_VERSION)));
    });
}

void MainWindow::setPresentation(bool on) {
    presenting_ = on;
    fitCaptionFont();
    deck_->setPresenting(on);
    // The projector gets the picture: no menus, tabs or status line (their
    // keys still work); the strip names the lab and carries its controls.
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    tabs_->tabBar()->setVisible(!on);
    strip_->setVisible(on);
    QFont stripFont = QApplication::font();
    if (on) stripFont.setPointSizeF(std::max(14.0, stripFont.pointSizeF() * 1.5));
    strip_->setFont(stripFont);
    if (on) {
        showFullScreen();
        // Without a window manager (a projector's kiosk session) nobody
        // resizes the window: cover the screen ourselves.
        if (screen()) setGeometry(screen()->geometry());
    } else
        showNormal();
    fieldLab_->setPresentation(on);
    chainLab_->setPresentation(on);
    imageLab_->setPresentation(on);
    interpLab_->setPresentation(on);
    dvaeLab_->setPresentation(on);
    labChanged();
}

void MainWindow::labChanged() {
    caption_->setVisible(!caption_->text().isEmpty() && deck_->currentKey() == captionLab_);
    const LabEntry* front = deck_->find(deck_->currentKey());
    // The picture takes the focus: a spin box that had it would swallow Space.
    if (front && front->frame) front->frame->picture()->setFocus();
    if (presenting_ && front)
        strip_->showLab(tabs_->currentIndex(), front->frame, deck_->stripFor(front->key));
}

void MainWindow::foldInFront(bool charts) {
    const LabEntry* front = deck_->find(deck_->currentKey());
    if (!front || !front->frame) return;
    if (charts)
        front->frame->setChartsShown(!front->frame->chartsShown());
    else
        front->frame->setPanelShown(!front->frame->panelShown());
}

bool MainWindow::imageTabActive() const {
    return tabs_->currentWidget() == imageLab_ || tabs_->currentWidget() == interpLab_ ||
           tabs_->currentWidget() == dvaeLab_;
}

QWidget* MainWindow::imageViewInFront() const {
    if (tabs_->currentWidget() == interpLab_) return interpLab_->exportView();
    if (tabs_->currentWidget() == dvaeLab_) return dvaeLab_->exportView();
    return imageLab_->currentView();
}

bool MainWindow::chainTabActive() const {
    return tabs_->currentWidget() == chainLab_;
}

QWidget* MainWindow::viewInFront() const {
    if (imageTabActive()) return imageViewInFront();
    return chainTabActive() ? static_cast<QWidget*>(chainLab_->plot())
                            : static_cast<QWidget*>(fieldLab_->plot());
}

void MainWindow::copyViewToClipboard() {
    QWidget* view = viewInFront();
    QGuiApplication::clipboard()->setImage(view->grab().toImage());
    statusBar()->showMessage(tr("Copied the view to the clipboard"), 3000);
}

// A noise-conditional model's small multiples (docs/chain-lab.md, annealing).
void MainWindow::exportFieldLevels() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the field at four noise levels"), suggestedName("png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    QString error;
    if (fieldLab_->exportLevels(path, &error))
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

void MainWindow::exportCurrentPlot() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export plot"), suggestedName("png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    QString error;
    // Plots draw themselves as vectors; image views: PNG keeps their pixels
    // exact, SVG and PDF embed them with the labels as text.
    QWidget* view = viewInFront();
    auto* plot = qobject_cast<QCustomPlot*>(view);
    if (plot ? exportPlot(plot, path, 0, 0, &error) : exportWidget(view, path, &error))
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

QString MainWindow::suggestedName(const QString& extension) const {
    const QString key = deck_->currentKey();
    const QString view = key == "interpolation" ? "interpolation-strip"
                         : key == "dvae"        ? "dvae-samples"
                         : key == "image"       ? "image-lab"
                                                : key;
    return view + "." + extension;
}

void MainWindow::showShortcuts() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto* table = new QTableWidget(shortcutActions_.size(), 2, &dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < shortcutActions_.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(shortcutActions_[i]->text().remove('&')));
        table->setItem(i, 1,
                       new QTableWidgetItem(
                           shortcutActions_[i]->shortcut().toString(QKeySequence::NativeText)));
    }
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    dialog.resize(420, 360);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!sessions_->settleUnsaved()) return event->ignore();
    recorder_->stop(); // what was grabbed is still written
    QSettings settings;
    // The normal window's place and size: presentation mode's full screen is not.
    if (!presenting_) settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/lab", tabs_->currentIndex());
    event->accept();
}

} // namespace aelab
