#include "app/labkit/movie_writer.h"
#include "media/video_encoder.h"

#include <QFile>

namespace aelab {

MovieWriter::MovieWriter() = default;
MovieWriter::~MovieWriter() {
    abandon();
}

bool MovieWriter::open(const QStringList& paths, QSize size, double fps, QString* error) {
    abandon();
    size_ = size;
    try {
        for (const QString& path : paths) {
            encoders_.push_back(
                aelab::openFrameEncoder(path.toStdString(), size.width(), size.height(), fps));
            paths_ << path;
        }
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        abandon();
        return false;
    }
    return true;
}

bool MovieWriter::addFrame(const QImage& frame, QString* error) {
    QImage rgb = frame.size() == size_
                     ? frame
                     : frame.scaled(size_, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    rgb.convertTo(QImage::Format_RGB888);
    try {
        for (auto& e : encoders_)
            e->addFrame(rgb.constBits(), int(rgb.bytesPerLine()));
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        abandon();
        return false;
    }
    ++frames_;
    return true;
}

bool MovieWriter::finish(QString* error) {
    try {
        for (auto& e : encoders_)
            e->finish();
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        abandon();
        return false;
    }
    encoders_.clear();
    paths_.clear();
    return true;
}

void MovieWriter::abandon() {
    encoders_.clear(); // closes the files
    for (const QString& p : paths_)
        QFile::remove(p);
    paths_.clear();
    frames_ = 0;
}

} // namespace aelab
