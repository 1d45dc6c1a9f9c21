// The lines benchmark generator against docs/references.md §4, at angles whose
// images can be worked out by hand and at generic angles through the
// properties the specification states (45 pixels, total coverage 30).
#include "datasets/lines.h"

#include <QFile>
#include <QTest>
#include "tests/test_warnings.h"
#include <map>
#include <cmath>

using namespace aelab;

namespace {
float px(const LineImage& img, int row, int col) {
    return img[size_t(row * kLineSize + col)];
}
double coverage(const LineImage& img) {
    double c = 0;
    for (float v : img)
        c += (v + 1.0) / 2.0;
    return c;
}
int covered(const LineImage& img) {
    int n = 0;
    for (float v : img)
        n += v > -1.0f;
    return n;
}
} // namespace

class TestLines : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    // theta = 0: the walk runs along the columns 16..30 with no partial
    // pixels, and the 2 px span covers rows 15 and 16 fully.
    void angleZeroIsTwoFullRowsToTheRight() {
        const LineImage img = drawLine(0.0);
        for (int r = 0; r < kLineSize; ++r)
            for (int c = 0; c < kLineSize; ++c) {
                const bool on = (r == 15 || r == 16) && c >= 16 && c <= 30;
                QCOMPARE(px(img, r, c), on ? 1.0f : -1.0f);
            }
    }
    // theta = pi/2 points up: rows 1..15, columns 15 and 16.
    void quarterTurnPointsUp() {
        const LineImage img = drawLine(M_PI / 2);
        for (int r = 0; r < kLineSize; ++r)
            for (int c = 0; c < kLineSize; ++c) {
                const bool on = (c == 15 || c == 16) && r >= 1 && r <= 15;
                QCOMPARE(px(img, r, c), on ? 1.0f : -1.0f);
            }
    }
    // Six generic angles against the golden file: every pixel, to 1e-6.
    void matchesTheGoldenDrawing() {
        QFile f(QStringLiteral(AELAB_TEST_DATA "/lines_golden.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        std::map<double, LineImage> expected;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            if (line.startsWith('#') || line.isEmpty()) continue;
            const QStringList w = line.split(' ');
            auto it = expected.find(w[0].toDouble());
            if (it == expected.end()) {
                it = expected.emplace(w[0].toDouble(), LineImage{}).first;
                it->second.fill(-1.0f);
            }
            it->second[size_t(w[1].toInt() * kLineSize + w[2].toInt())] = w[3].toFloat();
        }
        QCOMPARE(expected.size(), size_t(6));
        for (const auto& [theta, want] : expected) {
            const LineImage got = drawLine(theta);
            for (size_t i = 0; i < got.size(); ++i)
                QVERIFY2(std::abs(got[i] - want[i]) < 1e-6f,
                         qPrintable(QString("theta %1 pixel %2: %3 vs %4")
                                        .arg(theta)
                                        .arg(i)
                                        .arg(got[i])
                                        .arg(want[i])));
        }
    }
    // Shallow lines (near an axis) cover 45 pixels with total coverage close
    // to 30 (docs/references.md §4: "45 pixels with total coverage 30"): 2 px
    // wide along at most 15 px.
    void shallowLinesCoverWhatTheSpecificationStates_data() {
        QTest::addColumn<double>("theta");
        for (double t : {0.123, 0.3, 1.7, 3.14159, 5.0, 6.1})
            QTest::newRow(qPrintable(QString::number(t))) << t;
    }
    void shallowLinesCoverWhatTheSpecificationStates() {
        QFETCH(double, theta);
        const LineImage img = drawLine(theta);
        QCOMPARE(covered(img), 45);
        QVERIFY2(coverage(img) > 29.5 && coverage(img) < 30 + 1e-4,
                 qPrintable(QString::number(coverage(img))));
        // Nothing lies behind the centre, beyond the 2 px of the span.
        for (int rr = 0; rr < kLineSize; ++rr)
            for (int cc = 0; cc < kLineSize; ++cc) {
                const double along =
                    (cc + 0.5 - 16) * std::cos(theta) - (rr + 0.5 - 16) * std::sin(theta);
                if (along < -2.5) QCOMPARE(px(img, rr, cc), -1.0f);
            }
    }
    void setsAreSeededAndInUnitRange() {
        const ImageSet a = linesSet(20, 5, 7), b = linesSet(20, 5, 7), c = linesSet(20, 5, 8);
        QVERIFY(torch::equal(a.train, b.train));
        QVERIFY(!torch::equal(a.train, c.train));
        QCOMPARE(a.train.sizes(), (torch::IntArrayRef{20, 1, 32, 32}));
        QVERIFY(a.train.min().item<float>() == 0.0f && a.train.max().item<float>() == 1.0f);
        QVERIFY((a.trainLabels >= 0).all().item<bool>() && (a.trainLabels <= 9).all().item<bool>());
    }
};

QTEST_GUILESS_MAIN(TestLines)
#include "tst_lines.moc"
