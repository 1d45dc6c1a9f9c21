// Each corruption's statistics match its parameter.
#include "core/training/corruption.h"

#include <ATen/CPUGeneratorImpl.h>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_locale.h"
#include "tests/test_warnings.h"

using namespace aelab;

class TestCorruption : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void gaussianHasTheRequestedVariance() {
        auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
        auto x = torch::full({200000}, 0.3f);
        auto y = corrupt(x, {CorruptionKind::Gaussian, 0.5f}, gen);
        QVERIFY(std::abs((y - x).std().item<float>() - 0.5f) < 0.005f);
        QVERIFY(std::abs((y - x).mean().item<float>()) < 0.005f);
    }
    void saltAndPepperFollowsReferences() {
        // docs/references.md §3: kept with 1 - p, else 1 with probability p, 0 otherwise.
        auto gen = at::make_generator<at::CPUGeneratorImpl>(2);
        auto x = torch::full({400000}, 0.5f);
        const float p = 0.2f;
        auto y = corrupt(x, {CorruptionKind::SaltPepper, p}, gen);
        const double kept = (y == 0.5f).to(torch::kDouble).mean().item<double>();
        const double ones = (y == 1.f).to(torch::kDouble).mean().item<double>();
        const double zeros = (y == 0.f).to(torch::kDouble).mean().item<double>();
        QVERIFY(std::abs(kept - (1 - p)) < 0.003);
        QVERIFY(std::abs(ones - p * p) < 0.003);
        QVERIFY(std::abs(zeros - p * (1 - p)) < 0.003);
    }
    void maskingDropsTheRequestedFraction() {
        auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
        auto x = torch::ones({300000});
        auto y = corrupt(x, {CorruptionKind::Masking, 0.3f}, gen);
        QVERIFY(std::abs((y == 0).to(torch::kDouble).mean().item<double>() - 0.3) < 0.003);
        QVERIFY(((y == 0) | (y == 1)).all().item<bool>());
    }
    void sameSeedSameNoise() {
        auto g1 = at::make_generator<at::CPUGeneratorImpl>(4),
             g2 = at::make_generator<at::CPUGeneratorImpl>(4);
        auto x = torch::zeros({100});
        QVERIFY(torch::equal(corrupt(x, {CorruptionKind::Gaussian, 1}, g1),
                             corrupt(x, {CorruptionKind::Gaussian, 1}, g2)));
    }
    // What the labs show a class: words, not the command line's tokens.
    // "gaussian:0.5", the default of several options, under de_DE.
    void specsReadInAnyLocale() {
        QTemporaryDir dir;
        const QString why = useCommaDecimalLocale(dir);
        if (!why.isEmpty()) QSKIP(qPrintable(why));
        const auto spec = parseCorruption("gaussian:0.5");
        restoreCLocale();
        QVERIFY(spec);
        QCOMPARE(spec->level, 0.5f);
    }
    void corruptionInWords() {
        QCOMPARE(describeCorruption({CorruptionKind::SaltPepper, 0.1f}),
                 std::string("salt-and-pepper 10%"));
        QCOMPARE(describeCorruption({CorruptionKind::Gaussian, 0.5f}),
                 std::string("Gaussian, \u03c3 = 0.5"));
        QCOMPARE(describeCorruption({CorruptionKind::Masking, 0.3f}), std::string("masking 30%"));
    }
    void specsParseAndReject() {
        auto s = parseCorruption("saltpepper:0.1");
        QVERIFY(s && s->kind == CorruptionKind::SaltPepper && std::abs(s->level - 0.1f) < 1e-7f);
        QVERIFY(parseCorruption("gaussian:0.5").has_value());
        QVERIFY(!parseCorruption("gaussian").has_value());
        QVERIFY(!parseCorruption("mask:1.5").has_value());
        QVERIFY(!parseCorruption("blur:0.1").has_value());
        QVERIFY(!parseCorruption("gaussian:-1").has_value());
        QVERIFY(!parseCorruption("gaussian:0.5x").has_value());
    }
};

QTEST_GUILESS_MAIN(TestCorruption)
#include "tst_corruption.moc"
