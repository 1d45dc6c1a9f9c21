// Contour lines by marching squares: on a radial function each segment's
// ends lie on the circle where the function crosses the level.
#include "widgets/contour_plottable.h"

#include <QtTest>

#include "tests/test_warnings.h"
#include <cmath>

using namespace aelab;

class TestContours : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }

    void radialFunctionGivesACircle() {
        const int n = 41;
        const QRectF box(-1, -1, 2, 2);
        QVector<float> v(n * n);
        for (int iy = 0; iy < n; ++iy)
            for (int ix = 0; ix < n; ++ix) {
                const double x = -1 + (ix + 0.5) * 2.0 / n, y = -1 + (iy + 0.5) * 2.0 / n;
                v[iy * n + ix] = float(x * x + y * y); // crosses 0.25 on the circle r = 0.5
            }
        const QVector<QLineF> lines = contourSegments(v, n, n, box, 0.25f);
        QVERIFY(lines.size() > 40);
        double length = 0;
        for (const QLineF& l : lines) {
            for (const QPointF& p : {l.p1(), l.p2()})
                QVERIFY(std::abs(std::hypot(p.x(), p.y()) - 0.5) < 0.01);
            length += l.length();
        }
        QVERIFY2(std::abs(length - M_PI) < 0.05, qPrintable(QString::number(length)));
    }

    void levelOutsideTheValuesGivesNothing() {
        const QVector<float> v(16, 1.f);
        QVERIFY(contourSegments(v, 4, 4, QRectF(0, 0, 1, 1), 2.f).isEmpty());
        QVERIFY(contourSegments(v, 5, 4, QRectF(0, 0, 1, 1), 0.5f).isEmpty()); // wrong size
    }
};

QTEST_MAIN(TestContours)
#include "tst_contours.moc"
