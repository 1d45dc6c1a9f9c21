// The interpolation lab as a user meets it, on the generated lines: the
// strip with its contrast rows and the critic's estimates appear, the slider
// shows the pre-decoded frame for its alpha, training moves both loss
// curves, gallery clicks and image files set the ends, a second trained
// model appears as a comparison row, model files save and load, and a bad
// image or model file is reported while everything stays.
#include "tests/test_time.h"
#include "widgets/alpha_chart.h"
#include "widgets/image_gallery.h"
#include "widgets/image_grid_view.h"
#include "app/labs/interp/interp_controls.h"
#include "app/labs/interp/interp_lab.h"
#include "widgets/loss_chart.h"

#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {
QImage grey(const QImage& img) {
    return img.convertToFormat(QImage::Format_Grayscale8);
}
} // namespace

class TestInterpLab : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void scrubsTrainsComparesAndSaves() {
        InterpLab lab;
        lab.resize(1300, 850);
        lab.show();
        // ACAI on lines: model row, cross-fade and true rotation, 16 frames each.
        QTRY_COMPARE_WITH_TIMEOUT(lab.stripView()->images().size(), 3 * kStripFrames,
                                  scaledMs(30000));
        QCOMPARE(lab.stripView()->images().first().size(), QSize(32, 32));
        QCOMPARE(lab.alphaChart()->estimateCount(), kScrubFrames);
        // Untrained, the benchmark says "–": a blank output would score as smooth.
        QTRY_VERIFY_WITH_TIMEOUT(lab.scoresLabel()->text().contains("– (untrained"),
                                 scaledMs(30000));
        QVERIFY(!lab.scoresLabel()->text().contains("mean distance"));

        lab.toggleTraining();
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().step >= 15, scaledMs(60000));
        lab.toggleTraining();
        // Trained: both figures, and over how many pairs.
        QTRY_VERIFY_WITH_TIMEOUT(lab.scoresLabel()->text().contains("on the frames as drawn"),
                                 scaledMs(30000));
        QVERIFY(lab.scoresLabel()->text().contains("over 32 of the 256 test pairs"));
        QVERIFY(lab.lossChart()->pointCount(0) >= 2); // autoencoder
        QVERIFY(lab.lossChart()->pointCount(1) >= 2); // critic

        // The slider shows the frame decoded for its alpha, at once.
        QTRY_VERIFY_WITH_TIMEOUT(lab.framesSnapshot().step >= 15, scaledMs(10000));
        const InterpSnapshot& f = lab.framesSnapshot();
        lab.alphaSlider()->setValue(0);
        QCOMPARE(lab.currentView()->images().first(), f.scrub[0]);
        lab.alphaSlider()->setValue(73);
        QCOMPARE(lab.currentView()->images().first(), f.scrub[73]);
        QVERIFY(f.scrub[0] != f.scrub[100]);

        // A gallery click sets A, the next one B.
        QTRY_COMPARE_WITH_TIMEOUT(lab.gallery()->grid()->images().size(), ImageGallery::kPerPage,
                                  scaledMs(10000));
        const QImage fifth = lab.gallery()->grid()->images()[5];
        const QImage ninth = lab.gallery()->grid()->images()[9];
        emit lab.gallery()->imageChosen(5, false);
        emit lab.gallery()->imageChosen(9, false);
        QTRY_COMPARE_WITH_TIMEOUT(grey(lab.endsView()->images().value(1)), grey(ninth),
                                  scaledMs(10000));
        QCOMPARE(grey(lab.endsView()->images().value(0)), grey(fifth));

        // An image file for B: a white square on black, resized to 32 x 32.
        QTemporaryDir dir;
        QImage square(64, 64, QImage::Format_RGB32);
        square.fill(Qt::black);
        for (int y = 16; y < 48; ++y)
            for (int x = 16; x < 48; ++x)
                square.setPixel(x, y, qRgb(255, 255, 255));
        QVERIFY(square.save(dir.filePath("square.png")));
        lab.openImage(1, dir.filePath("square.png"));
        QTRY_COMPARE_WITH_TIMEOUT(grey(lab.endsView()->images().value(1)).pixelColor(16, 16).red(),
                                  255, scaledMs(10000));
        QCOMPARE(grey(lab.endsView()->images().value(1)).pixelColor(2, 2).red(), 0);

        // A file that is not an image: an error, the ends stay.
        QFile junk(dir.filePath("junk.png"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a png");
        junk.close();
        QSignalSpy errors(&lab, &InterpLab::errorOccurred);
        lab.openImage(0, junk.fileName());
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.first().first().toString().contains("Cannot read"));

        // Train a plain AE a little, go back to ACAI, compare with it.
        lab.controls()->chooseModel(aelab::InterpModel::Plain);
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().step, 0LL, scaledMs(10000));
        lab.toggleTraining();
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().step >= 5, scaledMs(30000));
        lab.toggleTraining();
        lab.controls()->chooseModel(aelab::InterpModel::Acai);
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().step >= 15,
                                 scaledMs(10000)); // ACAI kept its weights
        lab.controls()->chooseCompare(int(aelab::InterpModel::Plain));
        QTRY_COMPARE_WITH_TIMEOUT(lab.stripView()->images().size(), 4 * kStripFrames,
                                  scaledMs(10000));
        QCOMPARE(lab.framesSnapshot().compareName, QString("Plain AE"));

        // Save, then a damaged file fails cleanly, then the saved one loads.
        const QString path = dir.filePath("acai.aelab-ae");
        lab.saveModel(path);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 1000, scaledMs(10000));
        const long long savedStep = lab.lastSnapshot().step;
        lab.loadModel(junk.fileName());
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 2, scaledMs(10000));
        QVERIFY(errors.last().first().toString().contains("cannot read model"));
        lab.loadModel(path);
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().step, savedStep, scaledMs(10000));
        QCOMPARE(errors.count(), 2);
    }

    // Lines: the run's best model by the validation pairs is kept (here
    // every 3 steps, not 1,000), the lab goes back to it paused, and a new
    // model starts a new record.
    void keepsTheBestAndGoesBackToIt() {
        InterpLab lab;
        lab.resize(1300, 850);
        lab.show();
        lab.setBestEvery(3);
        QTRY_COMPARE_WITH_TIMEOUT(lab.stripView()->images().size(), 3 * kStripFrames,
                                  scaledMs(30000));
        QVERIFY(!lab.lastSnapshot().hasBest);
        lab.toggleTraining();
        QTRY_VERIFY_WITH_TIMEOUT(
            lab.lastSnapshot().hasBest && lab.lastSnapshot().lastCheckStep >= 9, scaledMs(60000));
        lab.toggleTraining();
        // Paused: every scoring is followed by training in the same burst,
        // so the model has moved on from its best.
        QTRY_VERIFY_WITH_TIMEOUT(!lab.lastSnapshot().training, scaledMs(30000));
        QTRY_VERIFY_WITH_TIMEOUT(lab.scoresLabel()->text().contains("<b>Kept</b>"),
                                 scaledMs(30000));
        const InterpSnapshot stopped = lab.lastSnapshot();
        QVERIFY(stopped.bestStep >= 3 && stopped.bestStep < stopped.step);
        auto* button = lab.controls()->findChild<QPushButton*>("backToBest");
        QVERIFY(button);
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), scaledMs(10000));
        QVERIFY(button->text().contains(QString::number(stopped.bestStep)));

        // Pressed while training: it pauses and goes back to the best the
        // worker holds by then (training on may have found a later one).
        lab.toggleTraining();
        button->click();
        QVERIFY(!lab.controls()->isTraining());
        QTRY_VERIFY_WITH_TIMEOUT(!lab.lastSnapshot().training &&
                                     lab.lastSnapshot().step == lab.lastSnapshot().bestStep,
                                 scaledMs(10000));
        QVERIFY(lab.lastSnapshot().bestStep >= stopped.bestStep);
        QTRY_VERIFY_WITH_TIMEOUT(!button->isEnabled(), scaledMs(10000));

        emit lab.controls()->rebuildRequested();
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().step, 0LL, scaledMs(10000));
        QVERIFY(!lab.lastSnapshot().hasBest);
    }
};

QTEST_MAIN(TestInterpLab)
#include "tst_interp_lab.moc"
