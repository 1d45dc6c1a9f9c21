// Image views export to PNG, SVG and PDF: each file is non-empty and of its
// format, the PNG has the view's pixels, and an unknown suffix or an
// unwritable folder is an error naming the file.
#include "widgets/image_grid_view.h"
#include "widgets/plot_export.h"

#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

class TestViewExport : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void exportsEveryFormat() {
        ImageGridView view;
        view.resize(400, 200);
        QImage white(8, 8, QImage::Format_Grayscale8), black(8, 8, QImage::Format_Grayscale8);
        white.fill(255);
        black.fill(0);
        view.setImages({white, black, white}, 3, {tr("row")});
        view.setCaption(tr("a caption"));
        QTemporaryDir dir;
        QString error;
        for (const char* name : {"v.png", "v.svg", "v.pdf"}) {
            QVERIFY2(exportWidget(&view, dir.filePath(name), &error), qPrintable(error));
            QVERIFY(QFileInfo(dir.filePath(name)).size() > 100);
        }
        const QImage png(dir.filePath("v.png"));
        QCOMPARE(png.size(), QSize(400, 200));
        const QPoint inWhite = view.cellRect(0).center(), inBlack = view.cellRect(1).center();
        QCOMPARE(qGray(png.pixel(inWhite)), 255);
        QCOMPARE(qGray(png.pixel(inBlack)), 0);
        QFile svg(dir.filePath("v.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg") && svgText.contains("<image"));
        QVERIFY(svgText.contains("a caption"));
        QFile pdf(dir.filePath("v.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
    }
    void refusesWhatItCannotWrite() {
        ImageGridView view;
        view.resize(100, 100);
        QString error;
        QVERIFY(!exportWidget(&view, "/tmp/view.bmpx", &error));
        QVERIFY(error.contains("view.bmpx"));
        QVERIFY(!exportWidget(&view, "/nonexistent-folder/view.png", &error));
        QVERIFY(error.contains("/nonexistent-folder/view.png"));
    }
};

QTEST_MAIN(TestViewExport)
#include "tst_view_export.moc"
