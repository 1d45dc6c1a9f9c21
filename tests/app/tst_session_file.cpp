// Session and lesson files: what is written reads back the same; damaged,
// truncated, foreign and other-version files are refused with a message
// that says which, and a failed save leaves the old file as it was.
#include "app/documents/lesson.h"
#include "app/documents/session_file.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include "tests/test_warnings.h"
#include <zlib.h>

using namespace aelab;

namespace {

Session sampleSession() {
    Session s;
    s.appVersion = "0.1.0";
    s.lab = "chain";
    s.setups = QJsonObject{{"field", QJsonObject{{"sigma", 0.25}, {"dataset", "0"}}},
                           {"chain", QJsonObject{{"particles", 300}, {"burst", true}}}};
    QByteArray model(5000, '\0');
    for (int i = 0; i < model.size(); ++i)
        model[i] = char(i * 7 + 3);
    s.models.insert("field", model);
    s.charts.insert("field", QJsonArray{QJsonArray{1, 0.5}, QJsonArray{2, 0.25}});
    return s;
}

QString decodeError(const QByteArray& bytes) {
    Session out;
    QString error;
    if (decodeSession(bytes, &out, &error)) return "decoded";
    return error;
}

} // namespace

class TestSessionFile : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void roundTrip() {
        const Session s = sampleSession();
        Session back;
        QString error;
        QVERIFY2(decodeSession(encodeSession(s), &back, &error), qPrintable(error));
        QCOMPARE(back.appVersion, s.appVersion);
        QCOMPARE(back.lab, s.lab);
        QCOMPARE(back.setups, s.setups);
        QCOMPARE(back.models, s.models);
        QCOMPARE(back.charts, s.charts);
    }
    void refusesDamage_data() {
        QTest::addColumn<int>("cut");  // bytes kept; -1: all
        QTest::addColumn<int>("flip"); // byte to flip; -1: none
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << 0 << -1 << "not an Autoencoder Lab session";
        QTest::newRow("header only") << 16 << -1 << "damaged";
        QTest::newRow("truncated") << 200 << -1 << "damaged";
        QTest::newRow("flipped payload byte") << -1 << 100 << "damaged";
        QTest::newRow("flipped magic") << -1 << 2 << "not an Autoencoder Lab session";
    }
    void refusesDamage() {
        QFETCH(int, cut);
        QFETCH(int, flip);
        QFETCH(QString, says);
        QByteArray bytes = encodeSession(sampleSession());
        if (cut >= 0) bytes.truncate(cut);
        if (flip >= 0) bytes[flip] = char(bytes[flip] ^ 0x40);
        const QString error = decodeError(bytes);
        QVERIFY2(error.contains(says), qPrintable(error));
    }
    void namesTheVersion() {
        QByteArray bytes = encodeSession(sampleSession());
        qToBigEndian<quint32>(kSessionVersion + 1, bytes.data() + 8);
        QString error = decodeError(bytes);
        QVERIFY2(error.contains("newer version") &&
                     error.contains(QString::number(kSessionVersion + 1)),
                 qPrintable(error));
        qToBigEndian<quint32>(0, bytes.data() + 8);
        error = decodeError(bytes);
        QVERIFY2(error.contains("older"), qPrintable(error));
    }
    // A checksum that matches bytes that are not a session: a stated size of
    // 2 GB is not believed (nothing that large is allocated), a stream that
    // is not zlib or is cut short is refused.
    void refusesPayloadsThatDoNotUnpack() {
        const QByteArray good = encodeSession(sampleSession());
        auto withCrc = [](QByteArray bytes) {
            const quint32 crc = quint32(
                crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.constData() + 16),
                      uInt(bytes.size() - 16)));
            qToBigEndian<quint32>(crc, bytes.data() + 12);
            return bytes;
        };
        QByteArray bigClaim = good;
        qToBigEndian<quint32>(0x7fffffff, bigClaim.data() + 16);
        QCOMPARE(decodeError(withCrc(bigClaim)), QString("decoded")); // the real stream decides
        QByteArray notZlib = good;
        notZlib[20] = char(notZlib[20] ^ 0x55);
        QVERIFY2(decodeError(withCrc(notZlib)).contains("do not unpack"),
                 qPrintable(decodeError(withCrc(notZlib))));
        QVERIFY(decodeError(withCrc(good.left(good.size() - 8))).contains("do not unpack"));
    }
    void fileRoundTripAndFailedSave() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.aelab");
        QString error;
        QVERIFY2(saveSessionFile(path, sampleSession(), &error), qPrintable(error));
        Session back;
        QVERIFY2(loadSessionFile(path, &back, &error), qPrintable(error));
        QCOMPARE(back.models, sampleSession().models);
        // A save into a folder that does not exist fails and says so.
        QVERIFY(!saveSessionFile(dir.filePath("missing/b.aelab"), sampleSession(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!loadSessionFile(dir.filePath("none.aelab"), &back, &error));
        QVERIFY2(error.contains("none.aelab"), qPrintable(error));
    }

    void lessonRoundTrip() {
        Lesson l;
        l.title = "T";
        l.caption = "C";
        l.lab = "field";
        l.setups = QJsonObject{{"field", QJsonObject{{"sigma", 0.2}}}};
        l.hidden.insert("field", {"width", "depth"});
        l.run = QStringList{"field", "chain"};
        Lesson back;
        QString error;
        QVERIFY2(parseLesson(lessonToJson(l), &back, &error), qPrintable(error));
        QCOMPARE(back.title, l.title);
        QCOMPARE(back.caption, l.caption);
        QCOMPARE(back.lab, l.lab);
        QCOMPARE(back.setups, l.setups);
        QCOMPARE(back.hidden, l.hidden);
        QCOMPARE(back.run, l.run);
    }
    void lessonRefusals_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArray("{\"format\": ") << "not a lesson";
        QTest::newRow("other format")
            << QByteArray(R"({"format": "x", "version": 1})") << "not an Autoencoder Lab lesson";
        QTest::newRow("newer") << QByteArray(R"({"format": "autoencoder-lab lesson", "version": 9,
                                               "title": "t", "lab": "field"})")
                               << "version 9";
        QTest::newRow("no lab") << QByteArray(R"({"format": "autoencoder-lab lesson", "version": 1,
                                                "title": "t"})")
                                << "no title or no lab";
        QTest::newRow("controls not an object")
            << QByteArray(R"({"format": "autoencoder-lab lesson", "version": 1, "title": "t",
                             "lab": "field", "controls": {"field": 3}})")
            << "not an object";
        QTest::newRow("run not a list")
            << QByteArray(R"({"format": "autoencoder-lab lesson", "version": 1, "title": "t",
                             "lab": "field", "run": "field"})")
            << "not a list";
    }
    void lessonRefusals() {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        Lesson l;
        QString error;
        QVERIFY(!parseLesson(json, &l, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSessionFile)
#include "tst_session_file.moc"
