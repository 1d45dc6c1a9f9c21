// The field lab as a user meets it: it shows a field at once, trains while
// the window stays responsive, resets reproducibly, and closes mid-training.
#include "tests/test_time.h"
#include "app/labs/field/field_controls.h"
#include "app/labs/field/field_lab.h"
#include "widgets/field_plot.h"
#include "widgets/loss_chart.h"
#include "core/training/torch_threads.h"

#include <QLabel>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

class TestFieldLab : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { aelab::setTorchThreads(1); }

    void showsAFieldThenTrains() {
        FieldLab lab;
        lab.resize(1100, 800);
        lab.show();
        QTRY_VERIFY_WITH_TIMEOUT(lab.framesDrawn() >= 1, scaledMs(10000));
        QVERIFY(lab.plot()->learnedArrowCount() > 0);
        QVERIFY(lab.plot()->idealArrowCount() > 0);
        // Before the first step the fit reads "–" and the title says what to press.
        QCOMPARE(lab.controls()->fitReadout()->text(), QString("–"));
        QVERIFY2(lab.plot()->titleText().contains("press Space"),
                 qPrintable(lab.plot()->titleText()));
        lab.setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().step >= 200, scaledMs(30000));
        QVERIFY(lab.controls()->fitReadout()->text().startsWith("0.") ||
                lab.controls()->fitReadout()->text().startsWith("-"));
        QVERIFY(lab.plot()->titleText().contains("field fit R² = "));
        // The GUI thread stayed free: frames kept being drawn.
        QVERIFY(lab.framesDrawn() >= 3);
        QVERIFY(lab.lossChart()->pointCount(0) >= 2);
        lab.setPlaying(false);
    }
    void resetWithTheSameSeedReplaysTheRun() {
        FieldLab lab;
        QTRY_VERIFY_WITH_TIMEOUT(lab.framesDrawn() >= 1, scaledMs(10000));
        for (int i = 0; i < 3; ++i)
            lab.stepOnce();
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().step, 3LL, scaledMs(10000));
        const auto first = lab.lastSnapshot().view.dx;
        const quint64 run = lab.lastSnapshot().run;
        lab.reset(false);
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().run == run + 1, scaledMs(5000));
        for (int i = 0; i < 3; ++i)
            lab.stepOnce();
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().step, 3LL, scaledMs(10000));
        QCOMPARE(lab.lastSnapshot().view.dx, first);
        // A new seed gives another run.
        const auto seed = lab.controls()->config().seed;
        lab.reset(true);
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().run == run + 2, scaledMs(5000));
        QCOMPARE(lab.controls()->config().seed, seed + 1);
    }
    void closingWhileTrainingIsClean() {
        auto* lab = new FieldLab;
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesDrawn() >= 1, scaledMs(10000));
        lab->setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().step >= 20, scaledMs(10000));
        delete lab; // must neither hang nor crash
    }
};

QTEST_MAIN(TestFieldLab)
#include "tst_field_lab.moc"
