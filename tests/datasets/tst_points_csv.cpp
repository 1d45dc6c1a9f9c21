// CSV points: what parses, and a clear error naming file and line for what does not.
#include "datasets/dataset_error.h"
#include "datasets/number_text.h"
#include "datasets/points_csv.h"
#include "tests/test_locale.h"

#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"
#include <fstream>

using namespace aelab;

class TestPointsCsv : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void parsesWithHeaderCommentsAndBlanks() {
        const auto xy = parsePointsCsv("x,y\n# a comment\n0.5, -1\n\n2e-1,3\r\n", "pts.csv");
        QCOMPARE(xy.size(), size_t(4));
        QCOMPARE(xy[0], 0.5f);
        QCOMPARE(xy[1], -1.f);
        QCOMPARE(xy[2], 0.2f);
        QCOMPARE(xy[3], 3.f);
    }
    void rejectsBadRows_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::newRow("non-numeric") << "1,2\n3,abc\n"
                                     << "pts.csv:2";
        QTest::newRow("one column") << "1,2\n3\n"
                                    << "pts.csv:2";
        QTest::newRow("nan") << "1,2\nnan,1\n"
                             << "finite";
        QTest::newRow("inf") << "1,2\n1,inf\n"
                             << "finite";
        QTest::newRow("second header") << "x,y\nx,y\n1,2\n"
                                       << "pts.csv:2";
        QTest::newRow("one point") << "1,2\n"
                                   << "at least 2";
    }
    void rejectsBadRows() {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        try {
            parsePointsCsv(text.toStdString(), "pts.csv");
            QFAIL("expected DatasetError");
        } catch (const DatasetError& e) {
            QVERIFY2(QString(e.what()).contains(needle), e.what());
        }
    }
    // Under a comma-decimal locale (de_DE) the file's "0.5" still reads as a
    // half: numbers never depend on the user's locale.
    void decimalPointsInAnyLocale() {
        QTemporaryDir dir;
        const QString why = useCommaDecimalLocale(dir);
        if (!why.isEmpty()) QSKIP(qPrintable(why));
        const std::vector<float> xy = parsePointsCsv("x,y\n0.5,-1.25\n+2e-1,3\n", "test");
        restoreCLocale();
        QCOMPARE(xy, (std::vector<float>{0.5f, -1.25f, 0.2f, 3.0f}));
        QVERIFY(!parseDecimal("0,5") && !parseDecimal("+-1") && !parseDecimal("1.5x"));
        QCOMPARE(*parseDecimal("-3"), -3.0);
    }
    // Spreadsheets write UTF-8 with a byte-order mark before the header.
    void aByteOrderMarkIsNotData() {
        const std::vector<float> xy = parsePointsCsv("\xEF\xBB\xBFx,y\n0.5,1\n2,3\n", "bom.csv");
        QCOMPARE(xy, (std::vector<float>{0.5f, 1.f, 2.f, 3.f}));
    }
    void missingAndEmptyFilesNameThePath() {
        QTemporaryDir dir;
        const std::string missing = (dir.path() + "/none.csv").toStdString();
        try {
            readPointsCsv(missing);
            QFAIL("expected DatasetError");
        } catch (const DatasetError& e) {
            QVERIFY(QString(e.what()).contains("none.csv"));
        }
        const std::string empty = (dir.path() + "/empty.csv").toStdString();
        std::ofstream(empty).close();
        QVERIFY_THROWS_EXCEPTION(DatasetError, readPointsCsv(empty));
    }
};

QTEST_GUILESS_MAIN(TestPointsCsv)
#include "tst_points_csv.moc"
