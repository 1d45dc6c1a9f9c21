// The chain lab as a user meets it: a chain starts on first view, steps,
// bursts add particles, the ideal denoiser pulls noise towards the data,
// basins arrive when asked, and a recording decodes to the frames grabbed.
#include "tests/test_time.h"
#include "app/labs/chain/chain_controls.h"
#include "app/labs/chain/chain_lab.h"
#include "app/labs/chain/chain_worker.h"
#include "app/labkit/thread_handoff.h"
#include "app/labs/field/field_controls.h"
#include "app/labs/field/field_lab.h"
#include "widgets/fit_by_sigma_chart.h"
#include "widgets/field_plot.h"
#include "widgets/loss_chart.h"
#include "core/training/torch_threads.h"
#include "media/video_encoder.h"
#include "app/labkit/view_recorder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

class TestChainLab : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { aelab::setTorchThreads(1); }

    void chainStartsStepsAndTakesBursts() {
        FieldLab field;
        QTRY_VERIFY_WITH_TIMEOUT(field.framesDrawn() >= 1, scaledMs(10000));
        ChainLab lab(&field);
        lab.resize(1000, 700);
        lab.show(); // the first view starts a chain from noise
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().particles.size(), 2000, scaledMs(10000));
        QCOMPARE(lab.lastSnapshot().step, 0LL);
        for (int i = 0; i < 3; ++i)
            lab.stepOnce();
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().step, 3LL, scaledMs(10000));
        QCOMPARE(lab.plot()->particleCount(), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(lab.distanceChart()->pointCount(0) >= 4,
                                 scaledMs(5000)); // the start and three steps

        // A click on the plot adds a burst where it landed.
        lab.plot()->replot();
        const QPoint at(int(lab.plot()->xAxis->coordToPixel(0.2)),
                        int(lab.plot()->yAxis->coordToPixel(0.1)));
        QTest::mouseClick(lab.plot(), Qt::LeftButton, {}, at);
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().particles.size(),
                                  2000 + ChainWorker::kBurstSize, scaledMs(10000));
        const QPointF added = lab.lastSnapshot().particles.last();
        QVERIFY(std::abs(added.x() - 0.2) < 0.2 && std::abs(added.y() - 0.1) < 0.2);
    }
    void idealChainApproachesTheDataAndBasinsArrive() {
        FieldLab field;
        QTRY_VERIFY_WITH_TIMEOUT(field.framesDrawn() >= 1, scaledMs(10000));
        ChainLab lab(&field);
        lab.show();
        QTRY_VERIFY_WITH_TIMEOUT(lab.framesDrawn() >= 1, scaledMs(10000));
        lab.controls()->selectDenoiser(true); // the exact r*
        lab.restart();
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().run >= 2 &&
                                     lab.lastSnapshot().particles.size() == 2000,
                                 scaledMs(10000));
        const double start = lab.lastSnapshot().distance;
        for (int i = 0; i < 3; ++i)
            lab.stepOnce();
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().step, 3LL, scaledMs(20000));
        QVERIFY2(lab.lastSnapshot().distance < 0.6 * start,
                 qPrintable(QString("%1 -> %2").arg(start).arg(lab.lastSnapshot().distance)));
        lab.controls()->selectDenoiser(false);
        lab.plot()->setShowBasins(true);
        handoff::post(lab.chainWorker(), &ChainWorker::setBasinsEnabled, true);
        QTRY_VERIFY_WITH_TIMEOUT(lab.plot()->basins().isValid(), scaledMs(30000));
        QVERIFY(!lab.plot()->basins().attractors.isEmpty());
    }
    // Annealing asks for a noise-conditional model; given one, the field lab
    // charts the fit across its levels and the chain walks them down to a
    // denoised end, with a yardstick beside the distance.
    void annealingWalksTheNoiseLevels() {
        FieldLab field;
        QTRY_VERIFY_WITH_TIMEOUT(field.framesDrawn() >= 1, scaledMs(10000));
        ChainLab lab(&field);
        lab.show();
        QTRY_VERIFY_WITH_TIMEOUT(lab.framesDrawn() >= 1, scaledMs(10000));
        QSignalSpy errors(&lab, &ChainLab::errorOccurred);
        auto* rule = lab.findChild<QComboBox*>("rule");
        QVERIFY(rule);
        rule->setCurrentIndex(rule->findData(0)); // annealed Langevin
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, scaledMs(10000));
        QVERIFY(errors.first().first().toString().contains("noise-conditional"));
        QTemporaryDir dir;
        QString error;
        QVERIFY(!field.exportLevels(dir.filePath("levels.png"), &error));
        QVERIFY(error.contains("noise-conditional"));

        aelab::FieldConfig c = field.controls()->config();
        c.model = aelab::FieldModelKind::NoiseConditional;
        c.data.count = 200, c.levels = 4, c.width = 32;
        field.controls()->setConfig(c);
        field.reset(false);
        field.show();
        QTRY_VERIFY_WITH_TIMEOUT(field.lastSnapshot().conditional, scaledMs(10000));
        field.stepOnce();
        QTRY_COMPARE_WITH_TIMEOUT(field.fitChart()->pointCount(), 4, scaledMs(10000));
        QVERIFY(!field.fitChart()->isHidden()); // shown whenever the charts are
        QVERIFY2(field.exportLevels(dir.filePath("levels.png"), &error), qPrintable(error));
        QCOMPARE(QImage(dir.filePath("levels.png")).size(), QSize(2 * 640, 2 * 640));
        QCOMPARE(field.lastSnapshot().sigma, double(c.sigma)); // back at its own level

        lab.restart();
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().level == 0, scaledMs(10000));
        QCOMPARE(lab.lastSnapshot().levels, 4);
        QCOMPARE(lab.lastSnapshot().sigma, double(c.sigmaMax));
        QVERIFY(lab.lastSnapshot().yardstick > 0);
        auto* contours = lab.findChild<QCheckBox*>("contours");
        QVERIFY(contours);
        contours->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(lab.plot()->densitySegmentCount(false) > 0, scaledMs(10000));
        // 4 levels of 10 steps and the final denoising: the run ends by itself.
        handoff::post(lab.chainWorker(), &ChainWorker::setStepsPerSecond, 1000.0);
        lab.togglePlaying();
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().annealDone, scaledMs(30000));
        QCOMPARE(lab.lastSnapshot().step, 41LL);
        QTRY_VERIFY_WITH_TIMEOUT(!lab.isPlaying(), scaledMs(5000));
        QVERIFY(lab.distanceChart()->pointCount(1) >= 2); // the yardstick line
        // Landed: the particles are dense enough to draw their own contours.
        QTRY_VERIFY_WITH_TIMEOUT(lab.plot()->densitySegmentCount(true) > 0, scaledMs(10000));
    }
    void recordingDecodesToTheGrabbedFrames() {
        QTemporaryDir dir;
        FieldLab field;
        field.resize(900, 700);
        field.show();
        QTRY_VERIFY_WITH_TIMEOUT(field.framesDrawn() >= 1, scaledMs(10000));
        ViewRecorder recorder;
        QSignalSpy done(&recorder, &ViewRecorder::finished);
        QString error;
        const QString gif = dir.filePath("r.gif"), mp4 = dir.filePath("r.mp4");
        QVERIFY2(recorder.start(field.plot(), {gif, mp4}, 20, &error), qPrintable(error));
        field.setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.framesGrabbed() >= 8, scaledMs(10000));
        recorder.stop();
        field.setPlaying(false);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, scaledMs(30000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        const int frames = recorder.framesGrabbed();
        QCOMPARE(aelab::countVideoFrames(gif.toStdString()), frames);
        QCOMPARE(aelab::countVideoFrames(mp4.toStdString()), frames);
        // A bad path fails up front and leaves no recording running.
        QVERIFY(!recorder.start(field.plot(), {dir.filePath("x.avi")}, 20, &error));
        QVERIFY(error.contains("x.avi"));
        QVERIFY(!recorder.isRecording());
    }
};

QTEST_MAIN(TestChainLab)
#include "tst_chain_lab.moc"
