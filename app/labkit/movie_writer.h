#pragma once
// Writes QImage frames to GIF and MP4 files at once (core's frame encoders).
// The GUI recorder feeds it from its encoding thread, the command line
// directly. Not thread-safe: one thread drives one writer.
#include <QImage>
#include <QSize>
#include <QStringList>
#include <memory>
#include <vector>

namespace aelab {

class FrameEncoder;

class MovieWriter {
  public:
    MovieWriter();
    ~MovieWriter();
    // One file per path, each .gif or .mp4; every frame is scaled to size.
    bool open(const QStringList& paths, QSize size, double fps, QString* error);
    bool addFrame(const QImage& frame, QString* error);
    // Closes the files. After a failure, the partial files are removed.
    bool finish(QString* error);
    void abandon(); // closes and deletes the files
    int frames() const { return frames_; }
    QSize size() const { return size_; }
    const QStringList& paths() const { return paths_; }

  private:
    std::vector<std::unique_ptr<aelab::FrameEncoder>> encoders_;
    QStringList paths_;
    QSize size_;
    int frames_ = 0;
};

} // namespace aelab
