// The lines benchmark's metrics (docs/references.md §4): 0 and 0 for a perfect
// interpolation, 1 - 1/15 smoothness for an abrupt switch, the cross-fade
// calibration, and the protocol's shapes.
#include "datasets/lines.h"
#include "core/metrics/lines_benchmark.h"
#include "core/interp/lines_protocol.h"

#include <QtTest>
#include <random>

#include "tests/test_warnings.h"

#include <cmath>

using namespace aelab;

namespace {
torch::Tensor sequence(const std::vector<double>& angles) {
    return lineImages(angles).unsqueeze(0); // [1, T, 1, 32, 32]
}
} // namespace

class TestLinesBenchmark : public QObject {
    Q_OBJECT
    LinesBenchmark bench_;

  private slots:
    void init() { failOnWarnings(); }
    void nearestFindsTheReferenceAngle() {
        const double step = 2 * M_PI / 10000;
        const auto n = bench_.nearest(lineImages({1234 * step, 9999 * step}));
        QCOMPARE(n.angle.size(), size_t(2));
        QVERIFY(std::abs(n.angle[0] - 1234 * step) < 1e-12);
        QVERIFY(std::abs(n.angle[1] - 9999 * step) < 1e-12);
        QVERIFY(std::abs(n.distance[0]) < 1e-5);
        // A blank frame is far from every line.
        const auto blank = bench_.nearest(-torch::ones({1, 1, 32, 32}));
        QVERIFY2(blank.distance[0] > 0.02, qPrintable(QString::number(blank.distance[0])));
    }
    void perfectInterpolationScoresZero() {
        // The true rotation on the reference grid, 16 frames, across 0.
        const double step = 2 * M_PI / 10000;
        std::vector<double> angles;
        for (int t = 0; t < 16; ++t)
            angles.push_back(std::fmod((9700 + 40 * t) * step, 2 * M_PI));
        const LinesScore s = bench_.score(sequence(angles));
        QVERIFY2(s.meanDistance < 1e-5, qPrintable(QString::number(s.meanDistance)));
        QVERIFY2(std::abs(s.smoothness) < 1e-9, qPrintable(QString::number(s.smoothness)));
        QCOMPARE(s.frozen, 0); // it turns: its 0 is a perfect one
    }
    void outOfRangeFramesMoveTheProtocolFigureNotTheDrawnOne() {
        // A decoder may put the background below -1: the raw output (the
        // paper's protocol) is a different vector, the drawn frames clip it.
        std::vector<double> angles;
        for (int t = 0; t < 16; ++t)
            angles.push_back(0.3 + 0.05 * t);
        const auto clean = sequence(angles);
        const auto dark = torch::where(clean <= -1, torch::full_like(clean, -1.7), clean);
        const LinesScore raw = bench_.score(clean), rawDark = bench_.score(dark);
        const LinesScore drawn = bench_.scoreAsDrawn(clean), drawnDark = bench_.scoreAsDrawn(dark);
        QVERIFY2(rawDark.meanDistance > raw.meanDistance + 1e-4,
                 qPrintable(QString("%1 vs %2").arg(rawDark.meanDistance).arg(raw.meanDistance)));
        QCOMPARE(drawnDark.meanDistance, drawn.meanDistance);
        QCOMPARE(drawnDark.smoothness, drawn.smoothness);
        QCOMPARE(drawn.pairs, 1);
        // Inside [-1, 1] the two differ only by the 256 grey levels.
        QVERIFY(std::abs(drawn.meanDistance - raw.meanDistance) < 1e-4);
    }
    void abruptSwitchScoresOneMinusOneOverFifteen() {
        std::vector<double> angles(16, 0.5);
        for (int t = 8; t < 16; ++t)
            angles[size_t(t)] = 2.0;
        QVERIFY(std::abs(smoothness(angles) - (1 - 1.0 / 15)) < 1e-12);
        QVERIFY(std::abs(bench_.score(sequence(angles)).smoothness - (1 - 1.0 / 15)) < 1e-3);
    }
    void noChangeCountsAsZero() {
        QCOMPARE(smoothness(std::vector<double>(16, 1.0)), 0.0);
        QCOMPARE(smoothness({1.0, 1.0 + 5e-5, 1.0}), 0.0); // total change under 1e-4
        // ...and the score says how many sequences scored 0 by not turning.
        QVERIFY(!turns(std::vector<double>(16, 1.0)));
        QVERIFY(turns({1.0, 1.2}));
        const LinesScore still = bench_.score(sequence(std::vector<double>(16, 1.0)));
        QCOMPARE(still.smoothness, 0.0);
        QCOMPARE(still.frozen, 1);
    }
    void smoothnessUnwrapsAcrossZero() {
        // 6.2 -> 0.1 is a step of about 0.183 forward, not 6.1 back.
        const double s = smoothness({6.2, 0.1});
        QVERIFY(std::abs(s) < 1e-12); // two frames: one step is the whole change
        const double uneven = smoothness({6.0, 6.2, 0.3});
        // Steps 0.2 and 0.3832: max / total - 1/2.
        const double second = 0.3 + 2 * M_PI - 6.2;
        QVERIFY(std::abs(uneven - (second / (0.2 + second) - 0.5)) < 1e-12);
    }
    void crossfadeCalibration() {
        // docs/references.md §4: a pixel cross-fade from 5 pi/7 to 3 pi/2 scores
        // about 7.2e-3 / 0.92.
        const auto a = lineImages({5 * M_PI / 7}), b = lineImages({3 * M_PI / 2});
        const LinesScore s = bench_.score(crossfade(a[0], b[0], 16).unsqueeze(0));
        qInfo("cross-fade 5pi/7 -> 3pi/2: mean distance %.3g, smoothness %.3f", s.meanDistance,
              s.smoothness);
        QVERIFY2(std::abs(s.meanDistance - 7.2e-3) < 0.5e-3,
                 qPrintable(QString::number(s.meanDistance)));
        QVERIFY2(std::abs(s.smoothness - 0.92) < 0.01, qPrintable(QString::number(s.smoothness)));
    }
    void protocolShapes() {
        const auto seqs = crossfadeSequences(8, 16);
        QCOMPARE(seqs.sizes().vec(), (std::vector<int64_t>{8, 16, 1, 32, 32}));
        // End frames are the two test lines themselves.
        const auto angles = benchmarkAngles(8);
        QVERIFY(torch::allclose(seqs[3][0], lineImages({angles[3]})[0]));
        QVERIFY(torch::allclose(seqs[3][15], lineImages({angles[11]})[0]));
    }
    // The protocol's angles are fixed: pinned by value (the first draws of
    // mt19937_64 seeded 0xacaf, each mapped to [0, 2 pi) as u / 2^64 * 2 pi),
    // so a change of generator, seed or mapping shows here.
    void protocolAnglesArePinned() {
        const std::vector<double> angles = benchmarkAngles(256);
        QCOMPARE(angles.size(), size_t(512));
        const double pinned[] = {4.6581186232056773, 4.2921034526113813, 4.8244944735444841,
                                 4.6422639356126121};
        for (size_t i = 0; i < 4; ++i)
            QVERIFY2(std::abs(angles[i] - pinned[i]) < 1e-12, qPrintable(QString::number(i)));
        std::mt19937_64 rng(0xacaf);
        for (size_t i = 0; i < angles.size(); ++i) {
            const double u = double(rng()) / 18446744073709551616.0;
            QVERIFY2(std::abs(angles[i] - u * 2 * M_PI) < 1e-12, qPrintable(QString::number(i)));
        }
    }
    void rotationTakesTheShortPath() {
        const auto r = rotationAngles(6.0, 0.5, 3);
        const double mid =
            std::fmod(6.0 + std::remainder(0.5 - 6.0, 2 * M_PI) / 2 + 2 * M_PI, 2 * M_PI);
        QVERIFY(std::abs(r[1] - mid) < 1e-12);
        QVERIFY(std::abs(r[2] - 0.5) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestLinesBenchmark)
#include "tst_lines_benchmark.moc"
