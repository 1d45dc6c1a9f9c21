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
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

class TestDvaeLab : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    // The paper's protocol from the panel: 200 training images binarised
    // once, and the titles say so.
    void paperProtocolFromThePanel() {
        DvaeLab lab;
        lab.controls()->chooseData("lines");
        lab.show();
        QTRY_COMPARE_WITH_TIMEOUT(lab.samplesView(0)->images().size(), kDvaeSamples,
                                  scaledMs(30000));
        QWidget* panel = lab.controls();
        panel->findChild<QComboBox*>("binarize")->setCurrentIndex(1); // binarised once (paper)
        panel->findChild<QSpinBox*>("trainImages")->setValue(200);
        panel->findChild<QCheckBox*>("authorsNet")->setChecked(true);
        const quint64 before = lab.lastSnapshot().modelId;
        emit lab.controls()->resetRequested();
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().modelId != before, scaledMs(30000));
        const aelab::VaeConfig c = lab.controls()->config(1);
        QVERIFY(c.binarize == aelab::Binarize::Fixed && c.decoderLayers == 1 && c.analyticKl &&
                c.clipNorm == 5);
        QCOMPARE(lab.lastSnapshot().slot[1].trainImages, 200LL);
        QVERIFY(lab.lastSnapshot().slot[1].fixedBinarisation);
    }
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
        // Beside it the training −ELBO, and the title reads the gap between them.
        QVERIFY(lab.chart()->pointCount(4) >= 1); // A's training −ELBO
        const DvaeSlotView& a = lab.lastSnapshot().slot[0];
        QVERIFY(a.lastTrainElbo > 0 && a.lastNll > 0);
        QVERIFY(!a.fixedBinarisation); // the lab's default: fresh binarisation

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
