// The image lab as a user meets it, on the generated lines data (no files
// needed): data loads off the GUI thread, the noise preview and chains
// appear, training moves the loss chart, the preview follows the noise
// slider, chains step, the gallery pages, and a bad folder keeps the data.
#include "tests/test_time.h"
#include "app/labs/image/image_controls.h"
#include "widgets/image_gallery.h"
#include "widgets/image_grid_view.h"
#include "app/labs/image/image_lab.h"
#include "widgets/loss_chart.h"

#include <QComboBox>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

class TestImageLab : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void trainsSamplesAndPages() {
        ImageLab lab;
        lab.resize(1200, 800);
        lab.controls()->chooseData("lines");
        lab.show();
        QTRY_VERIFY_WITH_TIMEOUT(lab.dataDescription().contains("10000 training"), scaledMs(20000));
        QTRY_COMPARE_WITH_TIMEOUT(lab.previewView()->images().size(), 3 * 8, scaledMs(20000));
        QCOMPARE(lab.previewView()->images().first().size(), QSize(32, 32));
        QTRY_COMPARE_WITH_TIMEOUT(lab.samplesView()->images().size(), 64, scaledMs(20000));
        QVERIFY(lab.samplesView()->caption().contains("nearest training image"));

        lab.toggleTraining();
        QTRY_VERIFY_WITH_TIMEOUT(lab.lastSnapshot().step >= 50, scaledMs(30000));
        QTRY_VERIFY_WITH_TIMEOUT(lab.lossChart()->pointCount(0) >= 2, scaledMs(10000));
        QVERIFY(lab.lossChart()->pointCount(1) >= 1); // test loss at step 0 or later
        lab.toggleTraining();

        // The preview follows the noise slider.
        auto sliders = lab.controls()->findChildren<QSlider*>();
        QVERIFY(!sliders.isEmpty());
        sliders.first()->setValue(10);
        QTRY_VERIFY_WITH_TIMEOUT(lab.previewView()->caption().contains("Gaussian, σ = 0.1"),
                                 scaledMs(10000));

        const long long before = lab.lastSnapshot().chainStep;
        emit lab.controls()->chainsStepRequested();
        QTRY_COMPARE_WITH_TIMEOUT(lab.lastSnapshot().chainStep, before + 1, scaledMs(10000));

        // The gallery's first page, then the next one.
        QTRY_COMPARE_WITH_TIMEOUT(lab.gallery()->grid()->images().size(), ImageGallery::kPerPage,
                                  scaledMs(10000));
        QSignalSpy pages(lab.gallery(), &ImageGallery::pageRequested);
        emit lab.gallery()->pageRequested(1, true);
        QTRY_COMPARE_WITH_TIMEOUT(lab.gallery()->page(), 1, scaledMs(10000));

        // A folder with nothing readable: an error, and the lines stay loaded.
        QTemporaryDir empty;
        QFile junk(empty.filePath("x.png"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not an image");
        junk.close();
        QSignalSpy errors(&lab, &ImageLab::errorOccurred);
        lab.controls()->chooseData("folder:" + empty.path());
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, scaledMs(10000));
        QVERIFY(errors.first().first().toString().contains("no readable image"));
        QVERIFY(lab.dataDescription().startsWith("lines"));
        QVERIFY(lab.lastSnapshot().step >= 50);
    }
};

QTEST_MAIN(TestImageLab)
#include "tst_image_lab.moc"
