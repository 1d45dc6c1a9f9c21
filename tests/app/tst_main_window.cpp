// The main window routes Space (play / pause) to the lab in front, and only
// to it.
#include "app/labs/chain/chain_controls.h"
#include "app/labs/chain/chain_lab.h"
#include "app/labs/dvae/dvae_controls.h"
#include "app/labs/dvae/dvae_lab.h"
#include "app/labs/field/field_lab.h"
#include "app/labs/image/image_controls.h"
#include "app/labs/image/image_lab.h"
#include "app/labs/interp/interp_controls.h"
#include "app/labs/interp/interp_lab.h"
#include "app/shell/lab_deck.h"
#include "app/shell/main_window.h"
#include "app/shell/welcome_card.h"
#include "widgets/field_plot.h"
#include "app/labkit/panel_state.h"
#include "app/labkit/view_recorder.h"
#include "tests/test_time.h"

#include <QApplication>
#include <QCheckBox>
#include <QSpinBox>
#include <QPushButton>
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QDialog>
#include <QTextBrowser>
#include <QTimer>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

class TestMainWindow : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    // Menus speak words, not the command line's tokens.
    void menusSpeakWords() {
        MainWindow window;
        const QRegularExpression token(
            QStringLiteral("^(swissroll|relu|csv|saltpepper|gaussian:|mask:|[a-z]+:[0-9.]+$)"));
        QStringList found;
        for (const LabEntry& lab : window.deck()->labs())
            for (const QComboBox* menu : lab.panel->findChildren<QComboBox*>())
                for (int i = 0; i < menu->count(); ++i)
                    if (token.match(menu->itemText(i)).hasMatch())
                        found << lab.key + "/" + menu->objectName() + ": " + menu->itemText(i);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(", ")));
    }
    // The window opens no larger than the screen's free area (unless its
    // layout's minimum asks for more), inside it.
    void windowFitsTheScreen() {
        QSettings().remove("window/geometry");
        MainWindow window;
        const QRect free = window.screen()->availableGeometry();
        const QSize most = free.size().expandedTo(window.minimumSizeHint());
        QVERIFY2(window.width() <= most.width() && window.height() <= most.height(),
                 qPrintable(QString("%1x%2 on %3x%4")
                                .arg(window.width())
                                .arg(window.height())
                                .arg(free.width())
                                .arg(free.height())));
        QVERIFY(window.x() >= free.x() && window.y() >= free.y());
    }
    // Every control a session saves has a tooltip that says what it does.
    void everyControlExplainsItself() {
        MainWindow window;
        QStringList silent;
        int controls = 0;
        for (const LabEntry& lab : window.deck()->labs())
            for (QWidget* control : namedControls(lab.panel)) {
                ++controls;
                if (control->toolTip().trimmed().size() < 20)
                    silent << lab.key + "/" + control->objectName();
            }
        QVERIFY(controls >= 60);
        QVERIFY2(silent.isEmpty(), qPrintable(silent.join(", ")));
    }
    // F9 records at once, into the folder and format of the settings, only
    // the field's box and title: no file dialog, no white margins.
    void f9RecordsAtOnce() {
        QTemporaryDir dir;
        QSettings().setValue("record/folder", dir.path());
        QSettings().setValue("record/format", "gif");
        QSettings().setValue("record/fps", 20);
        MainWindow window;
        window.resize(1600, 900);
        window.show();
        window.deck()->show("field");
        QTRY_VERIFY_WITH_TIMEOUT(window.fieldLab()->framesDrawn() > 0, scaledMs(20000));
        QAction* f9 = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::Key_F9)) f9 = a;
        QVERIFY(f9);
        f9->trigger();
        QVERIFY(window.recorder()->isRecording());
        QTRY_VERIFY_WITH_TIMEOUT(window.recorder()->framesGrabbed() >= 4, scaledMs(10000));
        const QSize plot = window.fieldLab()->plot()->size();
        const QSize frame = window.recorder()->frameSize();
        QVERIFY2(frame.width() < plot.width() * 3 / 4 && frame.height() <= plot.height(),
                 qPrintable(QStringLiteral("%1x%2 of %3x%4")
                                .arg(frame.width())
                                .arg(frame.height())
                                .arg(plot.width())
                                .arg(plot.height())));
        QSignalSpy done(window.recorder(), &ViewRecorder::finished);
        f9->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, scaledMs(30000));
        QVERIFY(done.first().at(0).toBool());
        const QStringList files = QDir(dir.path()).entryList({"field-*.gif"});
        QCOMPARE(files.size(), 1);
        QSettings().remove("record");
    }

    // The first start shows the welcome card; training hides it; "Don't
    // show this again" keeps it away; its button starts lesson 1.
    void welcomeCardOnFirstStart() {
        QSettings().remove("welcome");
        {
            MainWindow window;
            window.show();
            QVERIFY(window.welcomeCard() && window.welcomeCard()->isVisible());
            QVERIFY(window.welcomeCard()->geometry().bottom() <= window.fieldLab()->height());
            window.fieldLab()->setPlaying(true);
            QTRY_VERIFY_WITH_TIMEOUT(!window.welcomeCard()->isVisible(), scaledMs(10000));
            window.fieldLab()->setPlaying(false);
        }
        {
            MainWindow window;
            window.show();
            QVERIFY(window.welcomeCard());
            window.welcomeCard()->findChild<QCheckBox*>()->setChecked(true);
            window.welcomeCard()->findChild<QPushButton*>("welcomeLesson")->click();
            QVERIFY(!window.welcomeCard()->isVisible());
            QVERIFY(window.captionBar()->text().contains("What a DAE learns"));
            window.deck()->pauseAll();
        }
        MainWindow again;
        QVERIFY(!again.welcomeCard());
        QSettings().remove("welcome");
    }

    // Space plays the chain after switching labs, even if a spin box of the
    // chain lab's panel had the focus (it used to swallow the key).
    void spaceWorksAfterSwitchingLabs() {
        MainWindow window;
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.deck()->show("chain");
        auto* particles = window.chainLab()->controls()->findChild<QSpinBox*>("particles");
        QVERIFY(particles);
        particles->setFocus();
        window.deck()->show("field");
        window.deck()->show("chain");
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(window.chainLab()->isPlaying(), scaledMs(5000));
        window.deck()->pauseAll();
    }

    // Export and recording suggest a name for the lab and view in front.
    void namesSayWhichView() {
        MainWindow window;
        window.deck()->show("interpolation");
        QCOMPARE(window.suggestedName("png"), QString("interpolation-strip.png"));
        window.deck()->show("chain");
        QCOMPARE(window.suggestedName("gif"), QString("chain.gif"));
        window.deck()->show("dvae");
        QCOMPARE(window.suggestedName("svg"), QString("dvae-samples.svg"));
    }

    // Help ▸ What am I looking at? has a page for every lab.
    void everyLabHasAHelpPage() {
        MainWindow window;
        QString text;
        window.helpShown = [&text](QDialog* dialog) {
            text = dialog->findChild<QTextBrowser*>("helpBrowser")->toPlainText();
            QTimer::singleShot(0, dialog, &QDialog::accept);
        };
        for (const LabEntry& lab : window.deck()->labs()) {
            text.clear();
            window.deck()->show(lab.key);
            window.showHelpPage();
            QVERIFY2(text.size() > 800, qPrintable(lab.key + ": " + text.left(80)));
        }
    }
    void spaceActsOnTheLabInFront() {
        MainWindow window;
        auto* tabs = window.findChild<QTabWidget*>();
        QVERIFY(tabs);
        QAction* space = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::Key_Space)) space = a;
        QVERIFY(space);
        auto training = [&] {
            return QVector<bool>{window.imageLab()->controls()->isTraining(),
                                 window.interpLab()->controls()->isTraining(),
                                 window.dvaeLab()->controls()->isTraining()};
        };
        tabs->setCurrentWidget(window.dvaeLab());
        space->trigger();
        QCOMPARE(training(), (QVector<bool>{false, false, true}));
        // Only the lab in front trains: switching away pauses the DVAE lab...
        tabs->setCurrentWidget(window.interpLab());
        QCOMPARE(training(), (QVector<bool>{false, false, false}));
        space->trigger();
        QCOMPARE(training(), (QVector<bool>{false, true, false}));
        // ...unless its box says to keep training in the background.
        window.deck()->backgroundBox("interpolation")->setChecked(true);
        tabs->setCurrentWidget(window.imageLab());
        space->trigger();
        QCOMPARE(training(), (QVector<bool>{true, true, false}));
        // Brought back, a lab the switch paused trains on.
        tabs->setCurrentWidget(window.dvaeLab());
        QCOMPARE(training(), (QVector<bool>{false, true, true}));
        space->trigger();
        QCOMPARE(training(), (QVector<bool>{false, true, false}));
        window.deck()->pauseAll();
        QCOMPARE(training(), (QVector<bool>{false, false, false}));
    }
    // Ctrl+Shift+C puts the view in front on the clipboard, pixel for pixel.
    void copiesTheViewInFront() {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tabs = window.findChild<QTabWidget*>();
        QAction* copy = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)) copy = a;
        QVERIFY(copy);
        for (QWidget* lab : {static_cast<QWidget*>(window.fieldLab()),
                             static_cast<QWidget*>(window.interpLab())}) {
            tabs->setCurrentWidget(lab);
            QApplication::clipboard()->clear();
            copy->trigger();
            const QImage copied = QApplication::clipboard()->image();
            QWidget* view = window.viewInFront();
            QVERIFY(lab->isAncestorOf(view));
            QCOMPARE(copied.size(), view->grab().size());
            QCOMPARE(copied, view->grab().toImage().convertToFormat(copied.format()));
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
