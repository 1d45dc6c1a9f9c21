// Recorded files decode to the frames that were written.
#include "media/video_encoder.h"

#include <gif_lib.h>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"
#include <vector>

using namespace aelab;

namespace {
// A white frame with a coloured square that moves one step per frame.
std::vector<std::uint8_t> frame(int w, int h, int k) {
    std::vector<std::uint8_t> rgb(size_t(w) * h * 3, 255);
    for (int y = 10; y < 30; ++y)
        for (int x = 5 + 4 * k; x < 25 + 4 * k && x < w; ++x) {
            std::uint8_t* p = &rgb[(size_t(y) * w + x) * 3];
            p[0] = 200, p[1] = 30, p[2] = 40;
        }
    return rgb;
}

void writeFrames(const std::string& path, int w, int h, int n, double fps) {
    auto enc = openFrameEncoder(path, w, h, fps);
    for (int k = 0; k < n; ++k)
        enc->addFrame(frame(w, h, k).data(), w * 3);
    QCOMPARE(enc->frames(), n);
    enc->finish();
}
} // namespace

class TestVideoEncoder : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void gifDecodesToTheWrittenFramesAndColours() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.gif").toStdString();
        writeFrames(path, 64, 48, 12, 20);
        QCOMPARE(countVideoFrames(path), 12);

        int err = 0;
        GifFileType* gif = DGifOpenFileName(path.c_str(), &err);
        QVERIFY(gif);
        QCOMPARE(DGifSlurp(gif), GIF_OK);
        QCOMPARE(gif->SWidth, 64);
        QCOMPARE(gif->SHeight, 48);
        // Frame 0 is whole; the square's colour survives quantisation.
        const SavedImage& first = gif->SavedImages[0];
        QCOMPARE(first.ImageDesc.Width, 64);
        const GifColorType c = gif->SColorMap->Colors[first.RasterBits[20 * 64 + 10]];
        QVERIFY2(std::abs(c.Red - 200) < 16 && std::abs(c.Green - 30) < 16 &&
                     std::abs(c.Blue - 40) < 16,
                 qPrintable(QString("%1 %2 %3").arg(c.Red).arg(c.Green).arg(c.Blue)));
        const GifColorType bg = gif->SColorMap->Colors[first.RasterBits[0]];
        QVERIFY(bg.Red > 240 && bg.Green > 240 && bg.Blue > 240);
        // Later frames store only what changed, and 20 fps is 5 centiseconds a frame.
        QVERIFY(gif->SavedImages[5].ImageDesc.Width < 64);
        GraphicsControlBlock gcb;
        QCOMPARE(DGifSavedExtensionToGCB(gif, 3, &gcb), GIF_OK);
        QCOMPARE(gcb.DelayTime, 5);
        // Unchanged pixels are transparent, and laying the frames over each
        // other as a viewer does gives the last frame: the square at x 49..68
        // (clipped at 63), white where it was before.
        QVERIFY(gcb.TransparentColor >= 0);
        std::vector<GifByteType> canvas(first.RasterBits, first.RasterBits + 64 * 48);
        int transparent = 0;
        for (int i = 1; i < gif->ImageCount; ++i) {
            const SavedImage& im = gif->SavedImages[i];
            GraphicsControlBlock g;
            QCOMPARE(DGifSavedExtensionToGCB(gif, i, &g), GIF_OK);
            const GifImageDesc& d = im.ImageDesc;
            for (int y = 0; y < d.Height; ++y)
                for (int x = 0; x < d.Width; ++x) {
                    const GifByteType v = im.RasterBits[y * d.Width + x];
                    if (v == g.TransparentColor)
                        ++transparent;
                    else
                        canvas[size_t(d.Top + y) * 64 + d.Left + x] = v;
                }
        }
        QVERIFY(transparent > 0);
        const auto colourAt = [&](int x, int y) {
            return gif->SColorMap->Colors[canvas[y * 64 + x]];
        };
        QVERIFY(colourAt(55, 20).Red < 220 && colourAt(55, 20).Green < 60);
        QVERIFY(colourAt(20, 20).Green > 240);
        DGifCloseFile(gif, &err);
    }
    void mp4DecodesToTheWrittenFrames() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.mp4").toStdString();
        writeFrames(path, 65, 47, 15, 15); // odd sides are cropped to even
        QCOMPARE(countVideoFrames(path), 15);
    }
    void badPathsAreClearErrors() {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(VideoError,
                                 openFrameEncoder(dir.filePath("a.avi").toStdString(), 8, 8, 10));
        QVERIFY_THROWS_EXCEPTION(
            VideoError, openFrameEncoder(dir.filePath("no/such/a.gif").toStdString(), 8, 8, 10));
        QVERIFY_THROWS_EXCEPTION(VideoError,
                                 openFrameEncoder(dir.filePath("a.gif").toStdString(), 8, 8, 0));
        const QString junk = dir.filePath("junk.gif");
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("GIF89a truncated");
        f.close();
        QVERIFY_THROWS_EXCEPTION(VideoError, countVideoFrames(junk.toStdString()));
        QVERIFY(isVideoPath("x.GIF") && isVideoPath("y.mp4") && !isVideoPath("z.png"));
    }
};

QTEST_GUILESS_MAIN(TestVideoEncoder)
#include "tst_video_encoder.moc"
