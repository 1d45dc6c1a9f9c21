// The DVAE lab as a user meets it, on generated lines: both models' views
// appear, training moves both curves and the live NLL, the full NLL estimate
// reports with progress, and samples sent for refinement reach the image
// lab's chains with their starting score.
#include "tests/test_time.h"
#include "app/labs/dvae/dvae_controls.h"
#include "app/labs/dvae/dvae_lab.h"
#include "widgets/image_grid_view.h"
#include "app/labs/image/image_lab.h"
#include "widgets/latent_scatter.h"
#include "widgets/loss_chart.h"

#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

class TestDvaeLab : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void trainsComparesEstimatesAndRefines() {
        DvaeLab lab;
        lab.resize(1200, 850);
        lab.controls()->chooseData("lines");
        lab.show();
        for (int s : {0, 1}) {
            QTRY_COMPARE_WITH_TIMEOUT(lab.samplesView(s)->images().size(), kDvaeSamples,
                                      scaledMs(30000));
            QCOMPARE(lab.reconView(s)->images().size(), 4 * kDvaeReconCols);
            QTRY_VERIFY_WITH_TIMEOUT(lab.latentView(s)->pointCount() > 100, scaledMs(10000));
        }
        QCOMPARE(lab.lastSnapshot().slot[0].title, QString("VAE"));
        QCOMPARE(lab.lastSnapshot().slot[1].title, QString("DVAE (salt-and-pepper 10%)"));

        lab.toggleTraining();
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().slot[1].step >= 30, scaledMs(60000));
        lab.toggleTraining();
        // Same budget: the models train in turns.
        QVERIFY(std::abs(lab.lastSnapshot().slot[0].step - lab.lastSnapshot().slot[1].step) <= 1);
        QVERIFY(lab.chart()->pointCount(0) >= 2); // A's bound
        QVERIFY(lab.chart()->pointCount(2) >= 2); // B's bound
        QVERIFY(lab.chart()->pointCount(1) >= 1); // A's live NLL at epoch 0

        lab.estimateNll(5);
        QTRY_VERIFY_WITH_TIMEOUT(lab.nllLabel()->text().startsWith("Test NLL with K = 5"),
                                 scaledMs(60000));
        QVERIFY(lab.nllLabel()->text().contains("DVAE (salt-and-pepper 10%):"));

        // Refinement: the image lab receives 64 samples and scores them at step 0.
        ImageLab imageLab;
        imageLab.resize(1000, 700);
        imageLab.loadData("lines");
        QTRY_VERIFY_WITH_TIMEOUT(imageLab.dataDescription().startsWith("lines"), scaledMs(30000));
        QTRY_COMPARE_WITH_TIMEOUT(imageLab.samplesView()->images().size(), 64, scaledMs(30000));
        connect(&lab, &DvaeLab::refineRequested, &imageLab, &ImageLab::refineFrom);
        QSignalSpy sent(&lab, &DvaeLab::refineRequested);
        emit lab.controls()->refineRequested(1);
        QTRY_COMPARE_WITH_TIMEOUT(sent.count(), 1, scaledMs(10000));
        QCOMPARE(sent.first().first().value<QVector<QImage>>().size(), 64);
        QTRY_VERIFY_WITH_TIMEOUT(imageLab.lastSnapshot().hasStartScore, scaledMs(10000));
        QVERIFY(imageLab.lastSnapshot().startLabel.startsWith("DVAE"));
        QTRY_VERIFY_WITH_TIMEOUT(imageLab.samplesView()->caption().contains("refining samples of"),
                                 scaledMs(10000));
    }
};

QTEST_MAIN(TestDvaeLab)
#include "tst_dvae_lab.moc"
