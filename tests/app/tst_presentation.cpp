// Presentation mode on projector-sized screens: every built-in lesson, in
// presentation mode at 1280×720, 1366×768, 1920×1080 and a 3840×2160 screen
// at device pixel ratio 2, gives its main picture at least 70% of the window,
// shows no clipped text and no colliding tick labels, and its strip carries
// the lesson's controls; normal mode at 1280×720 keeps half the window for
// the picture. The screens are the offscreen platform's, from a
// configuration file written before the application starts, at a fixed 96
// dpi so font sizes mean the same everywhere.
#include "tests/test_time.h"
#include "app/labkit/lab_frame.h"
#include "app/labs/interp/interp_lab.h"
#include "app/shell/lab_deck.h"
#include "app/shell/main_window.h"
#include "app/shell/presentation_strip.h"
#include "app/shell/session_actions.h"
#include "widgets/image_grid_view.h"

#include <QAbstractButton>
#include <QLabel>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWindow>
#include <QtTest>
#include <qcustomplot.h>

#include <memory>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {

QStringList clippedTexts(const QWidget* root) {
    QStringList out;
    for (const QLabel* l : root->findChildren<QLabel*>()) {
        if (!l->isVisibleTo(root) || l->text().isEmpty() || l->width() <= 0) continue;
        const bool fits = l->wordWrap() ? l->heightForWidth(l->width()) <= l->height() + 1
                                        : l->minimumSizeHint().width() <= l->width() + 1;
        if (!fits)
            out << QStringLiteral("label \"%1\" (%2×%3)")
                       .arg(l->text().left(40))
                       .arg(l->width())
                       .arg(l->height());
    }
    for (const QAbstractButton* b : root->findChildren<QAbstractButton*>()) {
        if (!b->isVisibleTo(root) || b->text().isEmpty()) continue;
        if (b->minimumSizeHint().width() > b->width() + 1)
            out << QStringLiteral("button \"%1\" (%2 px of %3)")
                       .arg(b->text())
                       .arg(b->width())
                       .arg(b->minimumSizeHint().width());
    }
    return out;
}

// Pairs of neighbouring tick labels on a visible axis whose text overlaps.
QStringList collidingTicks(const QWidget* root) {
    QStringList out;
    for (QCustomPlot* plot : root->findChildren<QCustomPlot*>()) {
        if (!plot->isVisibleTo(root) || plot->width() < 10) continue;
        plot->replot(QCustomPlot::rpImmediateRefresh);
        for (QCPAxis* axis : plot->axisRect()->axes()) {
            if (!axis->visible() || !axis->tickLabels()) continue;
            const QFontMetrics m(axis->tickLabelFont());
            const bool across = axis->orientation() == Qt::Horizontal;
            const QVector<double> ticks = axis->tickVector();
            const QVector<QString> labels = axis->tickVectorLabels();
            double lastPos = 0, lastHalf = -1;
            for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
                if (!axis->range().contains(ticks[i])) continue;
                const double pos = axis->coordToPixel(ticks[i]);
                const QRect box = m.boundingRect(QRect(0, 0, 1000, 1000), 0, labels[i]);
                const double half = (across ? box.width() : box.height()) / 2.0;
                if (lastHalf >= 0 && std::abs(pos - lastPos) < lastHalf + half)
                    out << QStringLiteral("%1: %2 ticks \"%3\" at %4 px")
                               .arg(plot->metaObject()->className(), across ? "x" : "y", labels[i])
                               .arg(pos);
                lastPos = pos, lastHalf = half;
            }
        }
    }
    return out;
}

double pictureShare(const MainWindow& window, const LabFrame* frame) {
    const QSize p = frame->picture()->size();
    return double(p.width()) * p.height() / (double(window.width()) * window.height());
}

} // namespace

class TestPresentation : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> window_;

    const LabEntry* front() const { return window_->deck()->find(window_->deck()->currentKey()); }
    void startLesson(int number) {
        QString error;
        QVERIFY2(window_->sessions()->startLesson(QString::number(number), &error),
                 qPrintable(error));
        window_->deck()->pauseAll(); // the layout is what is measured, not training
    }
    void putOn(QScreen* screen, bool presenting) {
        window_->setPresentation(false);
        window_->windowHandle()->setScreen(screen);
        window_->setGeometry(screen->availableGeometry());
        if (presenting) window_->setPresentation(true);
        settle();
        if (qEnvironmentVariableIsSet("AELAB_DEBUG_LAYOUT"))
            for (QWidget* w : window_->findChildren<QWidget*>())
                if (w->isVisibleTo(window_.get()) && w->minimumSizeHint().width() > 1000)
                    qInfo() << "wide:" << w->metaObject()->className() << w->objectName()
                            << w->minimumSizeHint() << w->minimumWidth();
        const QRect expected = presenting ? screen->geometry() : screen->availableGeometry();
        QCOMPARE(window_->geometry().size(), expected.size());
    }
    // Delivers the layout requests and resizes a change of mode or screen
    // posts until the picture's size holds for five passes: settled.
    void settle() const {
        QSize last;
        for (int pass = 0, still = 0; pass < 200 && still < 5; ++pass) {
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
            const QSize now = front()->frame->picture()->size();
            still = now == last ? still + 1 : 0;
            last = now;
        }
    }
    // What the window is made of, when a size is off (AELAB_DEBUG_LAYOUT=1).
    void describeLayout() const {
        if (!qEnvironmentVariableIsSet("AELAB_DEBUG_LAYOUT")) return;
        for (QWidget* w : window_->findChildren<QWidget*>())
            if (w->isVisibleTo(window_.get()) && w->height() > 30 &&
                (w->parentWidget() == window_->centralWidget() || w == front()->lab ||
                 w->parentWidget() == front()->lab))
                qInfo() << w->metaObject()->className() << w->objectName() << w->geometry() << "min"
                        << w->minimumSizeHint();
        qInfo() << "picture" << front()->frame->picture()->geometry();
    }

  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    void cleanupTestCase() { window_.reset(); }

    void lessonsHoldOnProjectors_data() {
        QTest::addColumn<int>("lesson");
        QTest::addColumn<int>("screen");
        const int lessons = int(SessionActions::builtInLessons().size());
        QCOMPARE(lessons, 5);
        const QList<QScreen*> screens = QGuiApplication::screens();
        QCOMPARE(screens.size(), 4);
        QCOMPARE(screens[3]->devicePixelRatio(), 2.0); // the 4K screen: 1920×1080 points
        for (int n = 1; n <= lessons; ++n)
            for (int s = 0; s < screens.size(); ++s)
                QTest::newRow(
                    qPrintable(QStringLiteral("lesson %1, %2").arg(n).arg(screens[s]->name())))
                    << n << s;
    }
    void lessonsHoldOnProjectors() {
        QFETCH(int, lesson);
        QFETCH(int, screen);
        startLesson(lesson);
        QScreen* on = QGuiApplication::screens().at(screen);
        putOn(on, false);
        if (QTest::currentTestFailed()) return;
        const double normalArea =
            double(front()->frame->picture()->width()) * front()->frame->picture()->height();
        putOn(on, true);
        if (QTest::currentTestFailed()) return;
        const LabEntry* lab = front();
        QVERIFY(lab && lab->frame);
        QCOMPARE(window_->size(), on->geometry().size());
        const double share = pictureShare(*window_, lab->frame);
        describeLayout();
        QVERIFY2(share >= 0.70, qPrintable(QStringLiteral("picture %1%").arg(share * 100)));
        const QSize p = lab->frame->picture()->size();
        QVERIFY2(double(p.width()) * p.height() >= normalArea,
                 qPrintable(QStringLiteral("the picture shrank: %1 from %2 px²")
                                .arg(double(p.width()) * p.height())
                                .arg(normalArea)));
        const QStringList clipped = clippedTexts(window_.get());
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join("; ")));
        const QStringList ticks = collidingTicks(window_.get());
        QVERIFY2(ticks.isEmpty(), qPrintable(ticks.join("; ")));
        // The strip: the lab's transport and the lesson's controls.
        const QStringList wanted = window_->deck()->stripFor(lab->key);
        QCOMPARE(window_->strip()->controlNames(), wanted);
        QVERIFY(window_->strip()->isVisible());
        QCOMPARE(window_->strip()->twins().size(), lab->frame->transport().size() + wanted.size());
        for (QWidget* twin : window_->strip()->twins()) {
            QVERIFY(twin->isVisible());
            // Text the class reads grows with the presentation font.
            QVERIFY2(QFontInfo(twin->font()).pointSizeF() >= 13.5, qPrintable(twin->objectName()));
        }
        QVERIFY(!lab->frame->panel()->isVisible());
        if (lab->key == "interpolation") {
            auto* interp = window_->interpLab();
            QTRY_VERIFY_WITH_TIMEOUT(!interp->stripView()->images().isEmpty(), scaledMs(60000));
            QVERIFY2(interp->stripView()->cellRect(0).width() >= 48,
                     qPrintable(QString::number(interp->stripView()->cellRect(0).width())));
        }
        window_->setPresentation(false);
    }

    void normalModeKeepsHalfForThePicture_data() {
        QTest::addColumn<int>("lesson");
        QTest::newRow("no lesson") << 0;
        for (int n = 1; n <= 4; ++n)
            QTest::newRow(qPrintable(QStringLiteral("lesson %1").arg(n))) << n;
    }
    void normalModeKeepsHalfForThePicture() {
        QFETCH(int, lesson);
        if (lesson > 0)
            startLesson(lesson);
        else
            window_->deck()->show("field");
        putOn(QGuiApplication::screens().at(0), false);
        if (QTest::currentTestFailed()) return;
        const double share = pictureShare(*window_, front()->frame);
        QVERIFY2(share >= 0.5, qPrintable(QStringLiteral("picture %1% (%2×%3 of %4×%5)")
                                              .arg(share * 100)
                                              .arg(front()->frame->picture()->width())
                                              .arg(front()->frame->picture()->height())
                                              .arg(window_->width())
                                              .arg(window_->height())));
        QVERIFY(front()->frame->panel()->isVisible());
        QVERIFY(!window_->strip()->isVisible());
    }

    // F7 and F8 bring the charts and the panel back in presentation mode.
    void foldedPartsComeBack() {
        startLesson(1);
        putOn(QGuiApplication::screens().at(0), true);
        LabFrame* frame = front()->frame;
        QVERIFY(!frame->charts()->isVisible() && !frame->panel()->isVisible());
        QTest::keyClick(window_.get(), Qt::Key_F7);
        QVERIFY(frame->charts()->isVisible());
        QTest::keyClick(window_.get(), Qt::Key_F8);
        QVERIFY(frame->panel()->isVisible());
        QTest::keyClick(window_.get(), Qt::Key_F7);
        QVERIFY(!frame->charts()->isVisible());
        // Back in normal mode: the panel, and the charts where there is room.
        putOn(QGuiApplication::screens().at(2), false);
        QVERIFY(frame->charts()->isVisible() && frame->panel()->isVisible());
        putOn(QGuiApplication::screens().at(0), false);
        QVERIFY(!frame->charts()->isVisible() && frame->panel()->isVisible());
    }

    // A twin in the strip edits the panel's control, and follows it back.
    void stripControlsAreThePanels() {
        startLesson(1);
        putOn(QGuiApplication::screens().at(0), true);
        auto* twin = window_->strip()->findChild<QDoubleSpinBox*>("strip-sigma");
        auto* original = front()->panel->findChild<QDoubleSpinBox*>("sigma");
        QVERIFY(twin && original);
        twin->setValue(0.3);
        QCOMPARE(original->value(), 0.3);
        original->setValue(0.2);
        QCOMPARE(twin->value(), 0.2);
        window_->setPresentation(false);
    }
};

int main(int argc, char** argv) {
    // Four screens side by side; sizes in device-independent pixels.
    QTemporaryDir dir;
    const QString config = dir.filePath("screens.json");
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)) return 2;
    file.write(R"({"screens": [
      {"name": "1280x720", "x": 0, "y": 0, "width": 1280, "height": 720,
       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
      {"name": "1366x768", "x": 1280, "y": 0, "width": 1366, "height": 768,
       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
      {"name": "1920x1080", "x": 2646, "y": 0, "width": 1920, "height": 1080,
       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
      {"name": "3840x2160@2", "x": 4566, "y": 0, "width": 1920, "height": 1080,
       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 2}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + config).toLocal8Bit());
    QApplication app(argc, argv);
    app.setApplicationName("aelab-test-presentation");
    TestPresentation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_presentation.moc"
