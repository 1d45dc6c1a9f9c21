// IDX, MNIST-JSON and image-folder loaders on small fixture files written by
// the test, and their refusals of damaged files.
#include "datasets/dataset_error.h"
#include "datasets/idx_file.h"
#include "datasets/image_folder.h"
#include "datasets/image_set.h"
#include "datasets/mnist_json.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include "tests/test_warnings.h"
#include <zlib.h>

using namespace aelab;

namespace {
QByteArray idxImages(int n, int rows, int cols) {
    QByteArray b;
    b.append(char(0)).append(char(0)).append(char(8)).append(char(3));
    for (int d : {n, rows, cols})
        for (int s = 24; s >= 0; s -= 8)
            b.append(char((d >> s) & 0xff));
    for (int i = 0; i < n * rows * cols; ++i)
        b.append(char(i % 256));
    return b;
}
QByteArray idxLabels(int n) {
    QByteArray b;
    b.append(char(0)).append(char(0)).append(char(8)).append(char(1));
    for (int s = 24; s >= 0; s -= 8)
        b.append(char((n >> s) & 0xff));
    for (int i = 0; i < n; ++i)
        b.append(char(i % 10));
    return b;
}
void writeGz(const QString& path, const QByteArray& bytes) {
    gzFile f = gzopen(path.toLocal8Bit().constData(), "wb");
    QVERIFY(f);
    QCOMPARE(gzwrite(f, bytes.constData(), unsigned(bytes.size())), int(bytes.size()));
    gzclose(f);
}
void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
template <class F> QString errorOf(F f) {
    try {
        f();
    } catch (const DatasetError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}
QByteArray digitsJson(int digits, double value = 0.5) {
    QByteArray b = "{ \"data\": [";
    for (int i = 0; i < digits * 784; ++i)
        b += (i ? "," : "") + QByteArray::number(i == 3 ? 1.0 : value);
    return b + "]}";
}
} // namespace

class TestImageLoaders : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }
  private slots:
    void init() { failOnWarnings(); }
    // A class-balanced subset: as many of each class as can be, in order;
    // the test split untouched; unlabelled sets evenly spaced.
    void trainingSubsetIsClassBalanced() {
        ImageSet set;
        set.train = torch::arange(100, torch::kFloat32).view({100, 1, 1, 1});
        set.trainLabels = torch::arange(100, torch::kInt64).div(10, "floor"); // sorted by class
        set.test = torch::zeros({7, 1, 1, 1});
        for (int c = 0; c < 10; ++c)
            set.classNames.push_back(std::to_string(c));
        const ImageSet sub = withTrainingImages(set, 30);
        QCOMPARE(sub.train.size(0), 30);
        QCOMPARE(sub.test.size(0), 7);
        const auto counts = torch::bincount(sub.trainLabels, {}, 10);
        QVERIFY(torch::equal(counts, torch::full({10}, 3, torch::kInt64)));
        QCOMPARE(sub.train[0].item<float>(), 0.0f);  // the first of class 0...
        QCOMPARE(sub.train[3].item<float>(), 10.0f); // ...then the first of class 1
        ImageSet plain = set;
        plain.classNames.clear();
        const ImageSet spaced = withTrainingImages(plain, 4);
        QCOMPARE(spaced.train.flatten()[1].item<float>(), 25.0f);
        QCOMPARE(withTrainingImages(set, 500).train.size(0), 100);
    }
    void idxGzRoundTrip() {
        writeGz(path("img.gz"), idxImages(3, 4, 5));
        writeGz(path("lab.gz"), idxLabels(3));
        const auto x = readIdxImages(path("img.gz").toStdString());
        QCOMPARE(x.sizes(), (torch::IntArrayRef{3, 1, 4, 5}));
        QCOMPARE(x[0][0][0][1].item<float>(), 1.0f / 255);
        QCOMPARE(x[2][0][3][4].item<float>(), float(59) / 255); // value index 59
        const auto y = readIdxLabels(path("lab.gz").toStdString());
        QCOMPARE(y[2].item<int64_t>(), int64_t(2));
        // gzread reads an uncompressed file as it is.
        writeFile(path("plain"), idxImages(2, 2, 2));
        QCOMPARE(readIdxImages(path("plain").toStdString()).size(0), int64_t(2));
    }
    void idxDamageIsRefusedByName() {
        QVERIFY(errorOf([&] {
                    readIdxImages(path("missing.gz").toStdString());
                }).contains("missing.gz"));
        writeGz(path("empty.gz"), {});
        QVERIFY(
            errorOf([&] { readIdxImages(path("empty.gz").toStdString()); }).contains("too short"));
        writeGz(path("short.gz"), idxImages(3, 4, 5).left(40));
        QVERIFY(
            errorOf([&] { readIdxImages(path("short.gz").toStdString()); }).contains("truncated"));
        writeGz(path("labels-as-images.gz"), idxLabels(4));
        QVERIFY(errorOf([&] {
                    readIdxImages(path("labels-as-images.gz").toStdString());
                }).contains("dimensions"));
        QByteArray bad = idxImages(1, 2, 2);
        bad[2] = char(0x0D); // float IDX
        writeGz(path("float.gz"), bad);
        QVERIFY(errorOf([&] { readIdxImages(path("float.gz").toStdString()); }).contains("magic"));
        // A gzip stream cut in the middle.
        writeGz(path("whole.gz"), idxImages(50, 28, 28));
        QFile whole(path("whole.gz"));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        writeFile(path("cut.gz"), whole.readAll().left(int(whole.size() / 2)));
        const QString cut = errorOf([&] { readIdxImages(path("cut.gz").toStdString()); });
        QVERIFY2(cut.contains("cut.gz"), qPrintable(cut));
    }
    void fashionMnistFolderLoads() {
        QDir().mkpath(path("fm"));
        writeGz(path("fm/train-images-idx3-ubyte.gz"), idxImages(6, 28, 28));
        writeGz(path("fm/train-labels-idx1-ubyte.gz"), idxLabels(6));
        writeGz(path("fm/t10k-images-idx3-ubyte.gz"), idxImages(2, 28, 28));
        writeGz(path("fm/t10k-labels-idx1-ubyte.gz"), idxLabels(3));
        QVERIFY(
            errorOf([&] { loadFashionMnist(path("fm").toStdString()); }).contains("counts differ"));
        writeGz(path("fm/t10k-labels-idx1-ubyte.gz"), idxLabels(2));
        const ImageSet s = loadFashionMnist(path("fm").toStdString());
        QCOMPARE(s.train.size(0), int64_t(6));
        QCOMPARE(s.test.size(0), int64_t(2));
        QCOMPARE(s.classNames.size(), size_t(10));
    }
    void mnistJsonDigits() {
        QDir().mkpath(path("digits"));
        for (int d = 0; d < 10; ++d)
            writeFile(path("digits/%1.json").arg(d), digitsJson(5 + d % 2));
        const ImageSet s = loadMnistDigits(path("digits").toStdString());
        // 5 or 6 digits per file; the 0th and 5th of each go to test.
        QCOMPARE(s.test.size(0), int64_t(5 * 1 + 5 * 2));
        QCOMPARE(s.train.size(0) + s.test.size(0), int64_t(55));
        QCOMPARE(s.test[0][0][0][3].item<float>(),
                 1.0f); // the first digit of 0.json is a test image
        QCOMPARE(s.train[0][0][0][3].item<float>(), 0.5f);
        QCOMPARE(s.train[0][0][0][4].item<float>(), 0.5f);
        QCOMPARE(s.testLabels[s.test.size(0) - 1].item<int64_t>(), int64_t(9));
    }
    void mnistJsonDamageIsRefused() {
        writeFile(path("cut.json"), digitsJson(2).left(3000));
        QVERIFY(errorOf([&] {
                    readMnistDigitFile(path("cut.json").toStdString());
                }).contains("not valid JSON"));
        writeFile(path("odd.json"), "{\"data\": [0.1, 0.2, 0.3]}");
        QVERIFY(errorOf([&] {
                    readMnistDigitFile(path("odd.json").toStdString());
                }).contains("whole number"));
        writeFile(path("range.json"), digitsJson(1, 3.0));
        QVERIFY(errorOf([&] {
                    readMnistDigitFile(path("range.json").toStdString());
                }).contains("[0, 1]"));
        writeFile(path("nodata.json"), "{\"pixels\": []}");
        QVERIFY(errorOf([&] {
                    readMnistDigitFile(path("nodata.json").toStdString());
                }).contains("no \"data\""));
        QVERIFY(
            errorOf([&] { loadMnistDigits(path("nowhere").toStdString()); }).contains("0.json"));
    }
    // Tiny files whose headers claim about a gigapixel (found by fuzzing):
    // refused from the header (too many pixels, or a header Qt finds
    // damaged) before a decoder allocates gigabytes (the BMP) or spends
    // seconds (the JPEG).
    void imageWithHugeDimensionsIsAnError() {
        // Qt's JPEG reader says what it found wrong before the header is refused.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("^Corrupt JPEG data"));
        for (const char* name : {"huge-dimensions.bmp", "huge-dimensions.jpg"}) {
            const std::string path = std::string(AELAB_TEST_DATA "/") + name;
            const QString error = errorOf([&] { readImageFile(path, ImageFolderOptions{}); });
            QVERIFY2(error.contains(name) &&
                         (error.contains("megapixels") || error.contains("header is damaged")),
                     qPrintable(error));
        }
    }
    void imageFolderResizesAndListsBadFiles() {
        QDir().mkpath(path("mine"));
        QImage big(64, 48, QImage::Format_RGB32);
        big.fill(Qt::white);
        QVERIFY(big.save(path("mine/a.png")));
        QImage dark(10, 10, QImage::Format_RGB32);
        dark.fill(Qt::black);
        QVERIFY(dark.save(path("mine/b.jpg")));
        writeFile(path("mine/c.png"), "\x89PNG\r\n\x1a\n not really a png");
        writeFile(path("mine/notes.txt"), "hello");
        ImageFolderOptions o;
        o.testEvery = 2;
        const ImageSet s = loadImageFolder(path("mine").toStdString(), o);
        QCOMPARE(s.train.size(0) + s.test.size(0), int64_t(2));
        QCOMPARE(s.test.sizes(), (torch::IntArrayRef{1, 1, 28, 28}));
        QCOMPARE(s.test.min().item<float>(), 1.0f);  // a.png, white, is image 0 -> test
        QCOMPARE(s.train.max().item<float>(), 0.0f); // b.jpg, black
        QCOMPARE(s.skipped.size(), size_t(2));
        QVERIFY(QString::fromStdString(s.skipped[0]).contains("c.png"));
        o.channels = 3;
        QCOMPARE(readImageFile(path("mine/a.png").toStdString(), o).sizes(),
                 (torch::IntArrayRef{1, 3, 28, 28}));
        QVERIFY(errorOf([&] {
                    loadImageFolder(path("nothing-here").toStdString());
                }).contains("not a folder"));
        QDir().mkpath(path("junk"));
        writeFile(path("junk/x.png"), "junk");
        QVERIFY(errorOf([&] {
                    loadImageFolder(path("junk").toStdString());
                }).contains("no readable image"));
    }
};

QTEST_GUILESS_MAIN(TestImageLoaders)
#include "tst_image_loaders.moc"
