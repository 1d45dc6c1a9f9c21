// The field plot renders off screen, its layers switch, painting works, and
// it exports valid PNG, SVG and PDF files.
#include "widgets/field_plot.h"
#include "widgets/loss_chart.h"
#include "widgets/plot_style.h"
#include "widgets/particle_plottable.h"
#include "widgets/plot_export.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"
#include <cmath>

using namespace aelab;

namespace {
// A 32x32 field that points at the origin, with two data points.
FieldViewData sample() {
    FieldViewData d;
    d.box = QRectF(-1, -1, 2, 2);
    d.nx = d.ny = 32;
    d.data = {QPointF(0, 0), QPointF(0.1, 0)};
    for (int iy = 0; iy < 32; ++iy)
        for (int ix = 0; ix < 32; ++ix) {
            const QPointF p = d.cellCentre(ix, iy);
            d.dx.append(-0.1f * float(p.x()));
            d.dy.append(-0.1f * float(p.y()));
            d.idealDx.append(-0.2f * float(p.x()));
            d.idealDy.append(-0.2f * float(p.y()));
            d.logDensity.append(-float(p.x() * p.x() + p.y() * p.y()));
        }
    return d;
}

// The box split into a left and a right basin, attractors at x = ∓0.5.
BasinViewData twoBasins() {
    BasinViewData b;
    b.box = QRectF(-1, -1, 2, 2);
    b.nx = 2, b.ny = 1;
    b.label = {0, 1};
    b.attractors = {QPointF(-0.5, 0), QPointF(0.5, 0)};
    return b;
}
} // namespace

class TestFieldPlot : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void drawsArrowsOnTheStridedGrid() {
        FieldPlot plot;
        plot.resize(600, 600);
        plot.setFieldData(sample());
        // stride 2 on 32x32 -> 16x16 arrows of each kind
        QCOMPARE(plot.learnedArrowCount(), 256);
        QCOMPARE(plot.idealArrowCount(), 256);
        plot.setArrowStride(4);
        QCOMPARE(plot.learnedArrowCount(), 64);
        // A typical ideal arrow near the data spans one drawn cell (4 * 2/32):
        // here log p > max - 4.5 holds everywhere, so the reference length is
        // the median of 0.2 |x| over the square, |x| about 0.77.
        QVERIFY2(plot.arrowScale() > 0.25 / (0.2 * 0.82) && plot.arrowScale() < 0.25 / (0.2 * 0.72),
                 qPrintable(QString::number(plot.arrowScale())));
        // A huge arrow is drawn 1.4 cells long, in its own direction.
        FieldViewData d = sample();
        d.idealDx[33] = 100; // cell (1, 1) is drawn with stride 2
        plot.setArrowStride(2);
        plot.setFieldData(d);
        const double cell = 2 * 2.0 / 32;
        QVERIFY(std::abs(plot.longestDrawnArrow() - 1.4 * cell) < 1e-6);
    }
    void layersSwitchOff() {
        FieldPlot plot;
        plot.setFieldData(sample());
        plot.setShowLearned(false);
        QCOMPARE(plot.learnedArrowCount(), 0);
        QCOMPARE(plot.idealArrowCount(), 256);
        plot.setShowIdeal(false);
        QCOMPARE(plot.idealArrowCount(), 0);
    }
    void largeSetsDrawAStatedSample() {
        FieldPlot plot;
        plot.resize(600, 600);
        FieldViewData d = sample();
        d.data.clear();
        for (int i = 0; i < 1000000; ++i)
            d.data.append(QPointF(std::cos(i * 1e-3), std::sin(i * 1e-3)));
        plot.setFieldData(d);
        QCOMPARE(plot.drawnPointCount(), FieldPlot::kMaxDrawnPoints);
        QCOMPARE(plot.drawnPointsLabel(), "training points: 1 in 200 (5,000 of 1,000,000)");
        d.data.resize(30000); // a new set is drawn anew
        plot.setFieldData(d);
        QCOMPARE(plot.drawnPointCount(), 5000);
        d.data.resize(5);
        plot.setFieldData(d);
        QCOMPARE(plot.drawnPointCount(), 5);
        QCOMPARE(plot.drawnPointsLabel(), "training points");
    }
    void arrowsChangeThePicture() {
        FieldPlot plot;
        plot.resize(400, 400);
        FieldViewData d = sample();
        plot.setFieldData(d);
        const QImage withArrows = plot.toPixmap(400, 400).toImage();
        plot.setShowLearned(false);
        plot.setShowIdeal(false);
        const QImage without = plot.toPixmap(400, 400).toImage();
        // Count red-dominant pixels (learned arrows are drawn in red).
        auto reds = [](const QImage& img) {
            int n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x) {
                    const QColor c = img.pixelColor(x, y);
                    n += c.red() > 150 && c.green() < 100 && c.blue() < 100;
                }
            return n;
        };
        QVERIFY2(reds(withArrows) > 200, qPrintable(QString::number(reds(withArrows))));
        QVERIFY(reds(without) < 50);
    }
    void heatMapsRender() {
        FieldPlot plot;
        plot.resize(300, 300);
        plot.setFieldData(sample());
        plot.setShowLearned(false);
        plot.setShowIdeal(false);
        plot.setShowData(false);
        for (auto kind : {FieldPlot::HeatMap::FieldMagnitude, FieldPlot::HeatMap::LogDensity}) {
            plot.setHeatMap(kind);
            const QImage img = plot.toPixmap(300, 300).toImage();
            // The heat map shades the grid: its centre and a corner of the box differ.
            const QPoint centre(int(plot.xAxis->coordToPixel(0)), int(plot.yAxis->coordToPixel(0)));
            const QPoint corner(int(plot.xAxis->coordToPixel(0.9)),
                                int(plot.yAxis->coordToPixel(0.9)));
            QVERIFY(img.pixelColor(centre) != img.pixelColor(corner));
        }
    }
    void paintingCollectsPointsAndSignals() {
        FieldPlot plot;
        plot.resize(500, 500);
        plot.setFieldData(sample());
        plot.replot();
        plot.setPaintMode(true);
        QSignalSpy spy(&plot, &FieldPlot::paintedPointsChanged);
        const QPoint centre = plot.axisRect()->rect().center();
        QTest::mousePress(&plot, Qt::LeftButton, {}, centre);
        QTest::mouseMove(&plot, centre + QPoint(40, 0));
        QTest::mouseMove(&plot, centre + QPoint(80, 0));
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, centre + QPoint(80, 0));
        QCOMPARE(spy.count(), 1);
        const auto pts = spy.at(0).at(0).value<QVector<QPointF>>();
        QVERIFY(pts.size() >= 2);
        QVERIFY(pts.last().x() > pts.first().x());
        QVERIFY(std::abs(pts.first().y() - pts.last().y()) < 0.05);
        plot.clearPainted();
        QVERIFY(plot.paintedPoints().isEmpty());
    }
    void particlesDrawWithTrails() {
        FieldPlot plot;
        plot.resize(400, 400);
        plot.setFieldData(sample());
        plot.setShowLearned(false);
        plot.setShowIdeal(false);
        auto purples = [&plot] {
            const QImage img = plot.toPixmap(400, 400).toImage();
            int n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x) {
                    const QColor c = img.pixelColor(x, y);
                    n += c.blue() > c.green() + 40 && c.red() > c.green() + 20;
                }
            return n;
        };
        QCOMPARE(purples(), 0);
        QVector<QPointF> ring, inner;
        for (int i = 0; i < 200; ++i) {
            const double t = 2 * M_PI * i / 200;
            ring.append(QPointF(0.8 * std::cos(t), 0.8 * std::sin(t)));
            inner.append(ring.last() * 0.3);
        }
        plot.pushParticles(ring);
        QCOMPARE(plot.particleCount(), 200);
        const int dots = purples();
        QVERIFY2(dots > 100, qPrintable(QString::number(dots)));
        // A second frame draws the new dots and the trail from the old ones.
        plot.pushParticles(inner);
        const int withTrail = purples();
        QVERIFY2(withTrail > dots * 2, qPrintable(QString("%1 %2").arg(dots).arg(withTrail)));
        plot.setTrailLength(1); // dots only: the trail goes
        QVERIFY(purples() < withTrail / 2);
        plot.clearParticles();
        QCOMPARE(plot.particleCount(), 0);
        QCOMPARE(purples(), 0);
    }
    void basinsColourTheGrid() {
        FieldPlot plot;
        plot.resize(400, 400);
        plot.setFieldData(sample());
        plot.setShowLearned(false);
        plot.setShowIdeal(false);
        plot.setShowData(false);
        plot.setBasins(twoBasins());
        const QImage off = plot.toPixmap(400, 400).toImage();
        plot.setShowBasins(true);
        const QImage on = plot.toPixmap(400, 400).toImage();
        const QPoint left(int(plot.xAxis->coordToPixel(-0.8)), int(plot.yAxis->coordToPixel(0.6)));
        const QPoint right(int(plot.xAxis->coordToPixel(0.8)), int(plot.yAxis->coordToPixel(0.6)));
        QCOMPARE(off.pixelColor(left), off.pixelColor(right));
        QVERIFY(on.pixelColor(left) != on.pixelColor(right)); // two basins, two colours
        QVERIFY(on.pixelColor(left) != off.pixelColor(left));
    }
    // The hover readout reads the grid cell under the cursor: both fields,
    // the log-density and, with basins shown, the attractor it drains to.
    void hoverReadsTheCellUnderTheCursor() {
        FieldPlot plot;
        plot.resize(500, 500);
        plot.setFieldData(sample());
        plot.setBasins(twoBasins());
        plot.setShowBasins(true);
        // Cell (24, 16) of the 32x32 grid: centre (0.53125, 0.03125).
        const QString text = plot.readoutAt({0.53, 0.04});
        QVERIFY2(text.contains("learned r(x) − x = (-0.053, -0.003)"), qPrintable(text));
        QVERIFY2(text.contains("ideal r*(x) − x = (-0.106, -0.006)"), qPrintable(text));
        QVERIFY2(text.contains("log p_σ(x) = -0.28"), qPrintable(text));
        QVERIFY2(text.contains("attractor at (0.500, 0.000)"), qPrintable(text));
        QVERIFY(plot.readoutAt({3, 3}).isEmpty()); // outside the grid
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.replot();
        QTest::mouseMove(
            &plot, QPoint(int(plot.xAxis->coordToPixel(0.5)), int(plot.yAxis->coordToPixel(0.0))));
        QVERIFY(plot.readoutShown());
    }
    // Over every shade of the heat map, the ideal and the learned arrows
    // differ from the ground clearly (RGB distance of the blended colour).
    void arrowsStayVisibleOverTheHeatMap() {
        auto blendDistance = [](const QColor& arrow, const QColor& ground) {
            const double a = arrow.alphaF();
            const double r = a * arrow.red() + (1 - a) * ground.red() - ground.red();
            const double g = a * arrow.green() + (1 - a) * ground.green() - ground.green();
            const double bl = a * arrow.blue() + (1 - a) * ground.blue() - ground.blue();
            return std::sqrt(r * r + g * g + bl * bl);
        };
        for (int k = 0; k <= 20; ++k) {
            const QColor heat = FieldPlot::heatColour(k / 20.0);
            QVERIFY2(blendDistance(FieldPlot::idealColour(), heat) > 80, qPrintable(heat.name()));
            QVERIFY2(blendDistance(FieldPlot::learnedColour(), heat) > 80, qPrintable(heat.name()));
        }
    }
    void trailsFadeAsParticlesCrowd() {
        QCOMPARE(ParticlePlottable::trailOpacity(100), 0.55);
        double last = 1;
        for (int n : {250, 500, 1000, 2000, 5000}) {
            QVERIFY(ParticlePlottable::trailOpacity(n) < last + 1e-12);
            last = ParticlePlottable::trailOpacity(n);
        }
        QVERIFY(ParticlePlottable::trailOpacity(2000) < 0.2);
    }
    // An empty chart says so instead of drawing made-up axes; its ticks
    // never crowd a short axis.
    void emptyChartsSayNoDataYet() {
        LossChart chart;
        chart.resize(400, 150);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const int series = chart.addSeries("loss");
        QVERIFY(chart.showsNoData());
        QVERIFY(!chart.yAxis->tickLabels());
        chart.appendPoints(series, {QPointF(1, 0.5), QPointF(2, 0.25), QPointF(3, 0.1)});
        QVERIFY(!chart.showsNoData());
        QVERIFY(chart.yAxis->tickLabels());
        chart.replot();
        // The ticker follows the axis length: fewer labels on a short chart.
        const int shortCount = fittingTickCount(chart.yAxis);
        QCOMPARE(chart.yAxis->ticker()->tickCount(), shortCount);
        chart.resize(400, 600);
        chart.replot();
        QVERIFY(fittingTickCount(chart.yAxis) > shortCount);
        QCOMPARE(chart.yAxis->ticker()->tickCount(), fittingTickCount(chart.yAxis));
        QCoreApplication::processEvents(); // the queued replot that shows the new count
        chart.clearAll();
        QVERIFY(chart.showsNoData());
    }
    void burstModeTurnsClicksIntoRequests() {
        FieldPlot plot;
        plot.resize(500, 500);
        plot.setFieldData(sample());
        plot.replot();
        plot.setBurstMode(true);
        QSignalSpy spy(&plot, &FieldPlot::burstRequested);
        const QPoint at(int(plot.xAxis->coordToPixel(0.5)), int(plot.yAxis->coordToPixel(-0.25)));
        QTest::mousePress(&plot, Qt::LeftButton, {}, at);
        QTest::mouseMove(&plot, at + QPoint(5, 0));  // under 12 px: no new burst
        QTest::mouseMove(&plot, at + QPoint(30, 0)); // a drag lays a trail of bursts
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, at + QPoint(30, 0));
        QCOMPARE(spy.count(), 2);
        const QPointF first = spy.at(0).at(0).toPointF();
        QVERIFY(std::abs(first.x() - 0.5) < 0.02 && std::abs(first.y() + 0.25) < 0.02);
        QVERIFY(spy.at(1).at(0).toPointF().x() > first.x());
    }
    void exportsValidFiles_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("png") << "f.png" << QByteArray("\x89PNG");
        QTest::newRow("pdf") << "f.pdf" << QByteArray("%PDF");
        QTest::newRow("svg") << "f.svg" << QByteArray("<?xml");
    }
    void exportsValidFiles() {
        QFETCH(QString, name);
        QFETCH(QByteArray, magic);
        QTemporaryDir dir;
        FieldPlot plot;
        plot.setFieldData(sample());
        const QString path = dir.filePath(name);
        QString error;
        QVERIFY2(exportPlot(&plot, path, 500, 500, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 1000);
        QVERIFY(bytes.startsWith(magic));
        if (name.endsWith(".png")) QCOMPARE(QImage(path).size(), QSize(500, 500));
        if (name.endsWith(".svg")) QVERIFY(bytes.contains("<svg"));
    }
    void exportRejectsUnknownFormats() {
        FieldPlot plot;
        QString error;
        QVERIFY(!exportPlot(&plot, "/tmp/x.bmpx", 100, 100, &error));
        QVERIFY(error.contains("x.bmpx"));
    }
};

QTEST_MAIN(TestFieldPlot)
#include "tst_field_plot.moc"
