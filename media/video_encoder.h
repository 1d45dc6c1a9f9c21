#pragma once
// Writes an animation frame by frame: GIF through giflib, MP4 through
// OpenCV's video writer (FFmpeg). Frames are packed RGB888 of the size given
// at open. Knows neither Torch nor Qt, so the GUI's recorder, the command
// line and the tests share it.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace aelab {

struct VideoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class FrameEncoder {
  public:
    virtual ~FrameEncoder() = default;
    // rgb points at height rows of width * 3 bytes, rows stride bytes apart.
    virtual void addFrame(const std::uint8_t* rgb, int stride) = 0;
    // Flushes and closes the file; the encoder takes no frames after it.
    virtual void finish() = 0;
    int width() const { return width_; }
    int height() const { return height_; }
    int frames() const { return frames_; }

  protected:
    int width_ = 0, height_ = 0, frames_ = 0;
};

// Picks the format from the file's extension (.gif or .mp4, any case).
// Throws VideoError naming the file when it cannot be written.
std::unique_ptr<FrameEncoder> openFrameEncoder(const std::string& path, int width, int height,
                                               double fps);

// Number of frames a GIF or MP4 file decodes to; throws VideoError if it cannot be read.
int countVideoFrames(const std::string& path);

bool isVideoPath(const std::string& path);

} // namespace aelab
