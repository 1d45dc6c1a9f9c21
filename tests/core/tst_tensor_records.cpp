// A model archive whose tensor record is shorter than its storage says, with
// checksums made valid, is refused before Torch reads it (reliability.md,
// class 2); whole archives still load.
#include "core/field/field_trainer.h"
#include "core/io/tensor_records.h"
#include "core/training/model_file_error.h"

#include <QtTest>

#include "tests/test_warnings.h"
#include <cstdint>

using namespace aelab;

namespace {

std::uint32_t crc32Of(const std::string& s, std::uint64_t start, std::uint64_t size) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::uint64_t i = start; i < start + size; ++i) {
        c ^= static_cast<unsigned char>(s[i]);
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

void putU32(std::string& s, std::uint64_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        s[at + i] = char((v >> (8 * i)) & 0xFF);
}

// Gives entry `name` a valid checksum again, in its local header and in the
// central directory (found by the old checksum next to its name).
void fixChecksum(std::string& zip, const std::string& name) {
    std::string why;
    for (const ZipEntry& e : zipEntries(zip, &why)) {
        if (e.name != name) continue;
        const std::uint32_t crc = crc32Of(zip, e.start, e.size);
        std::string old(4, '\0');
        putU32(old, 0, e.crc);
        for (size_t at = zip.find(old); at != std::string::npos; at = zip.find(old, at + 1))
            putU32(zip, at, crc);
    }
}

std::string modelBytes() {
    FieldConfig c;
    c.data.count = 50;
    c.width = 4;
    c.depth = 1;
    c.gridSize = 8;
    return FieldTrainer(c).saveBytes();
}

// data.pkl with the first storage's element count replaced by `numel`: the
// BININT1 just before the TUPLE, BINPERSID that close its persistent id.
std::string withFirstNumel(std::string zip, unsigned char numel) {
    std::string why;
    for (const ZipEntry& e : zipEntries(zip, &why)) {
        if (e.name.size() < 9 || e.name.substr(e.name.size() - 9) != "/data.pkl") continue;
        const size_t close = zip.find("tQ", zip.find("FloatStorage", e.start));
        if (zip[close - 2] != 'K') return {}; // not the form Torch writes
        zip[close - 1] = char(numel);
        fixChecksum(zip, e.name);
    }
    return zip;
}

} // namespace

class TestTensorRecords : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void wholeArchivesPass() {
        const std::string zip = modelBytes();
        std::string why;
        QCOMPARE(QString::fromStdString(tensorRecordDamage(zip, zipEntries(zip, &why))), QString());
        QVERIFY(FieldTrainer::loadBytes(zip, "whole.pt") != nullptr);
    }
    void aRecordShorterThanItsTensorIsRefused() {
        // The first storage is the first layer's 4 x 2 weights: 8 floats in
        // a 32-byte record; claim 200.
        const std::string zip = withFirstNumel(modelBytes(), 200);
        std::string why;
        QVERIFY(zipDamage(zip).empty()); // the checksums are valid again
        const QString damage =
            QString::fromStdString(tensorRecordDamage(zip, zipEntries(zip, &why)));
        QVERIFY2(damage.contains("needs 200 x 4"), qPrintable(damage));
        try {
            FieldTrainer::loadBytes(zip, "short.pt");
            QFAIL("a short record was read");
        } catch (const ModelFileError& e) {
            QVERIFY2(QString(e.what()).contains("short.pt") && QString(e.what()).contains("needs"),
                     e.what());
        }
    }
    void opcodesTorchNeverWritesAreRefused() {
        std::string zip = modelBytes();
        std::string why;
        for (const ZipEntry& e : zipEntries(zip, &why))
            if (e.name.size() > 9 && e.name.substr(e.name.size() - 9) == "/data.pkl") {
                zip[e.start + 2] = 'i'; // INST, after PROTO 2
                fixChecksum(zip, e.name);
            }
        QVERIFY(zipDamage(zip).empty());
        const QString damage =
            QString::fromStdString(tensorRecordDamage(zip, zipEntries(zip, &why)));
        QVERIFY2(damage.contains("opcode"), qPrintable(damage));
    }
};

QTEST_GUILESS_MAIN(TestTensorRecords)
#include "tst_tensor_records.moc"
