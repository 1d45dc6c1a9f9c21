// MP4 through OpenCV's video writer (FFmpeg backend), and the choice of
// encoder by file extension.
#include "media/video_encoder.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cctype>

namespace aelab {

std::unique_ptr<FrameEncoder> openGifEncoder(const std::string& path, int width, int height,
                                             double fps);
int countGifFrames(const std::string& path);

namespace {

std::string lowerExtension(const std::string& path) {
    const auto dot = path.find_last_of('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

class Mp4Encoder : public FrameEncoder {
  public:
    Mp4Encoder(const std::string& path, int w, int h, double fps) : path_(path) {
        width_ = w;
        height_ = h;
        // YUV 4:2:0 needs even sides: the last odd row or column is dropped.
        const cv::Size size(w & ~1, h & ~1);
        if (size.width < 2 || size.height < 2)
            throw VideoError("cannot write " + path + ": frame too small");
        // H.264 plays everywhere; MPEG-4 part 2 is the fallback when FFmpeg
        // was built without an H.264 encoder.
        for (int fourcc : {cv::VideoWriter::fourcc('a', 'v', 'c', '1'),
                           cv::VideoWriter::fourcc('m', 'p', '4', 'v')}) {
            writer_.open(path, cv::CAP_FFMPEG, fourcc, fps, size, true);
            if (writer_.isOpened()) break;
        }
        if (!writer_.isOpened())
            throw VideoError("cannot write " + path + ": no MP4 encoder available");
        size_ = size;
    }

    void addFrame(const std::uint8_t* rgb, int stride) override {
        if (!writer_.isOpened()) throw VideoError(path_ + ": frame after finish");
        const cv::Mat in(height_, width_, CV_8UC3, const_cast<std::uint8_t*>(rgb), size_t(stride));
        cv::cvtColor(in(cv::Rect(0, 0, size_.width, size_.height)), bgr_, cv::COLOR_RGB2BGR);
        writer_.write(bgr_);
        ++frames_;
    }

    void finish() override { writer_.release(); }

  private:
    std::string path_;
    cv::VideoWriter writer_;
    cv::Size size_;
    cv::Mat bgr_;
};

int countMp4Frames(const std::string& path) {
    cv::VideoCapture cap(path, cv::CAP_FFMPEG);
    if (!cap.isOpened()) throw VideoError("cannot read " + path);
    int n = 0;
    cv::Mat frame;
    while (cap.read(frame))
        ++n;
    return n;
}

} // namespace

bool isVideoPath(const std::string& path) {
    const std::string ext = lowerExtension(path);
    return ext == "gif" || ext == "mp4";
}

std::unique_ptr<FrameEncoder> openFrameEncoder(const std::string& path, int width, int height,
                                               double fps) {
    if (width < 1 || height < 1) throw VideoError("cannot write " + path + ": empty frame size");
    if (!(fps > 0 && fps <= 120))
        throw VideoError("cannot write " + path + ": frame rate must be in (0, 120]");
    const std::string ext = lowerExtension(path);
    if (ext == "gif") return openGifEncoder(path, width, height, fps);
    if (ext == "mp4") return std::make_unique<Mp4Encoder>(path, width, height, fps);
    throw VideoError("cannot write " + path + ": the file name must end in .gif or .mp4");
}

int countVideoFrames(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == "gif") return countGifFrames(path);
    if (ext == "mp4") return countMp4Frames(path);
    throw VideoError("cannot read " + path + ": not a .gif or .mp4 file");
}

} // namespace aelab
