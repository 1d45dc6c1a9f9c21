// GIF through giflib (Debian's libgif): a real LZW encoder with a median-cut
// quantiser, rather than a hand-written one. One global palette for the whole
// animation keeps colours from flickering between frames; each frame after
// the first only stores the rectangle that changed.
#include "media/video_encoder.h"

#include <gif_lib.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <vector>

namespace aelab {
namespace {

std::string gifError(int code) {
    const char* s = GifErrorString(code);
    return s ? s : "unknown GIF error";
}

class GifEncoder : public FrameEncoder {
  public:
    GifEncoder(const std::string& path, int w, int h, double fps) : path_(path) {
        width_ = w;
        height_ = h;
        // Opened here rather than by EGifOpenFileName, which makes the file
        // private (0600); this way it gets the user's usual permissions.
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0) throw VideoError("cannot write " + path + ": " + std::strerror(errno));
        int err = 0;
        gif_ = EGifOpenFileHandle(fd, &err);
        if (!gif_) {
            ::close(fd);
            throw VideoError("cannot write " + path + ": " + gifError(err));
        }
        EGifSetGifVersion(gif_, true);
        frameCs_ = 100.0 / std::max(fps, 0.1);
    }
    ~GifEncoder() override {
        if (gif_) EGifCloseFile(gif_, nullptr);
    }

    void addFrame(const std::uint8_t* rgb, int stride) override {
        if (!gif_) throw VideoError(path_ + ": frame after finish");
        if (frames_ == 0) buildPalette(rgb, stride);
        std::vector<GifByteType> idx(size_t(width_) * height_);
        for (int y = 0; y < height_; ++y) {
            const std::uint8_t* row = rgb + size_t(y) * stride;
            for (int x = 0; x < width_; ++x) {
                const std::uint8_t* p = row + 3 * x;
                idx[size_t(y) * width_ + x] =
                    lut_[((p[0] >> 3) << 10) | ((p[1] >> 3) << 5) | (p[2] >> 3)];
            }
        }
        writeFrame(idx);
        prev_ = std::move(idx);
        ++frames_;
    }

    void finish() override {
        if (!gif_) return;
        int err = 0;
        const bool ok = EGifCloseFile(gif_, &err) == GIF_OK;
        gif_ = nullptr;
        if (!ok) throw VideoError("cannot finish " + path_ + ": " + gifError(err));
    }

  private:
    // Half the palette from the first frame (median cut), half a fixed colour
    // cube so colours that appear later still find a near neighbour.
    void buildPalette(const std::uint8_t* rgb, int stride) {
        const size_t n = size_t(width_) * height_;
        std::vector<GifByteType> r(n), g(n), b(n), out(n);
        for (int y = 0; y < height_; ++y)
            for (int x = 0; x < width_; ++x) {
                const std::uint8_t* p = rgb + size_t(y) * stride + 3 * x;
                const size_t i = size_t(y) * width_ + x;
                r[i] = p[0], g[i] = p[1], b[i] = p[2];
            }
        std::array<GifColorType, 256> colors{};
        int quantised = 128;
        if (GifQuantizeBuffer(width_, height_, &quantised, r.data(), g.data(), b.data(), out.data(),
                              colors.data()) != GIF_OK)
            throw VideoError(path_ + ": cannot quantise the first frame");
        int k = quantised;
        for (int i = 0; i < 125 && k < kTransparent; ++i, ++k)
            colors[k] = {GifByteType(i / 25 * 255 / 4), GifByteType(i / 5 % 5 * 255 / 4),
                         GifByteType(i % 5 * 255 / 4)};
        ColorMapObject* map = GifMakeMapObject(256, colors.data());
        if (!map) throw VideoError(path_ + ": out of memory");
        lut_.resize(32 * 32 * 32);
        for (int c = 0; c < 32 * 32 * 32; ++c) {
            const int cr = (c >> 10) * 8 + 4, cg = ((c >> 5) & 31) * 8 + 4, cb = (c & 31) * 8 + 4;
            int best = 0, bestD = 1 << 30;
            for (int i = 0; i < k; ++i) {
                const int dr = cr - colors[i].Red, dg = cg - colors[i].Green,
                          db = cb - colors[i].Blue;
                const int d = 2 * dr * dr + 4 * dg * dg + 3 * db * db; // rough perceptual weights
                if (d < bestD) bestD = d, best = i;
            }
            lut_[c] = GifByteType(best);
        }
        const bool ok = EGifPutScreenDesc(gif_, width_, height_, 8, 0, map) == GIF_OK;
        GifFreeMapObject(map);
        if (!ok) throw VideoError("cannot write " + path_ + ": " + gifError(gif_->Error));
        // Loop forever (the NETSCAPE2.0 application extension).
        const unsigned char loop[3] = {1, 0, 0};
        if (EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE) != GIF_OK ||
            EGifPutExtensionBlock(gif_, 11, "NETSCAPE2.0") != GIF_OK ||
            EGifPutExtensionBlock(gif_, 3, loop) != GIF_OK ||
            EGifPutExtensionTrailer(gif_) != GIF_OK)
            throw VideoError("cannot write " + path_ + ": " + gifError(gif_->Error));
    }

    void writeFrame(const std::vector<GifByteType>& idx) {
        int x0 = 0, y0 = 0, x1 = width_ - 1, y1 = height_ - 1;
        if (!prev_.empty()) changedRect(idx, x0, y0, x1, y1);
        // Delays are whole centiseconds: carry the rounding so the mean rate is right.
        const double due = (frames_ + 1) * frameCs_;
        const int delay = std::max(1, int(std::lround(due - sentCs_)));
        sentCs_ += delay;
        // After the first frame, pixels that did not change are transparent:
        // the previous frame shows through, and long runs of one index
        // compress to almost nothing.
        const bool see = !prev_.empty();
        GraphicsControlBlock gcb{DISPOSE_DO_NOT, false, delay,
                                 see ? kTransparent : NO_TRANSPARENT_COLOR};
        GifByteType ext[4];
        const size_t len = EGifGCBToExtension(&gcb, ext);
        const int w = x1 - x0 + 1, h = y1 - y0 + 1;
        if (EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, int(len), ext) != GIF_OK ||
            EGifPutImageDesc(gif_, x0, y0, w, h, false, nullptr) != GIF_OK)
            throw VideoError("cannot write " + path_ + ": " + gifError(gif_->Error));
        std::vector<GifByteType> line(static_cast<size_t>(w));
        for (int y = y0; y <= y1; ++y) {
            const size_t at = size_t(y) * width_ + x0;
            for (int x = 0; x < w; ++x)
                line[size_t(x)] = see && idx[at + x] == prev_[at + x] ? kTransparent : idx[at + x];
            if (EGifPutLine(gif_, line.data(), w) != GIF_OK)
                throw VideoError("cannot write " + path_ + ": " + gifError(gif_->Error));
        }
    }

    // The bounding box of pixels that differ from the previous frame (at
    // least one pixel, so every frame is a real image in the file).
    void changedRect(const std::vector<GifByteType>& idx, int& x0, int& y0, int& x1,
                     int& y1) const {
        x0 = width_, y0 = height_, x1 = -1, y1 = -1;
        for (int y = 0; y < height_; ++y)
            for (int x = 0; x < width_; ++x)
                if (idx[size_t(y) * width_ + x] != prev_[size_t(y) * width_ + x]) {
                    x0 = std::min(x0, x), x1 = std::max(x1, x);
                    y0 = std::min(y0, y), y1 = std::max(y1, y);
                }
        if (x1 < 0) x0 = y0 = x1 = y1 = 0;
    }

    // The palette's last entry, never a colour: the quantiser's 128 and the
    // cube's 125 leave it free.
    static constexpr int kTransparent = 255;
    std::string path_;
    GifFileType* gif_ = nullptr;
    std::vector<GifByteType> lut_, prev_;
    double frameCs_ = 10, sentCs_ = 0;
};

} // namespace

std::unique_ptr<FrameEncoder> openGifEncoder(const std::string& path, int width, int height,
                                             double fps) {
    return std::make_unique<GifEncoder>(path, width, height, fps);
}

int countGifFrames(const std::string& path) {
    int err = 0;
    GifFileType* gif = DGifOpenFileName(path.c_str(), &err);
    if (!gif) throw VideoError("cannot read " + path + ": " + gifError(err));
    const bool ok = DGifSlurp(gif) == GIF_OK;
    const int n = gif->ImageCount;
    const std::string why = ok ? "" : gifError(gif->Error);
    DGifCloseFile(gif, &err);
    if (!ok) throw VideoError("cannot read " + path + ": " + why);
    return n;
}

} // namespace aelab
