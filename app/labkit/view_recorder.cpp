#include "app/labkit/view_recorder.h"
#include "app/labkit/movie_writer.h"
#include "app/labkit/thread_handoff.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

namespace aelab {

// Lives on the recorder's encoding thread: frames arrive as queued calls.
class MovieJob : public QObject {
    Q_OBJECT
  public:
    MovieWriter writer;
    QString error;
    bool failed = false;

  public slots:
    void addFrame(const QImage& frame) {
        if (!failed && !writer.addFrame(frame, &error)) failed = true;
        emit written();
    }
    void finish() {
        if (!failed && !writer.finish(&error)) failed = true;
        emit done(!failed, error);
    }

  signals:
    void written();
    void done(bool ok, const QString& error);
};

ViewRecorder::ViewRecorder(QObject* parent) : QObject(parent), timer_(new QTimer(this)) {
    connect(timer_, &QTimer::timeout, this, &ViewRecorder::grabFrame);
    thread_.setObjectName("recorder");
}

ViewRecorder::~ViewRecorder() {
    timer_->stop();
    if (thread_.isRunning()) {
        // Quitting mid-recording keeps it: write what was grabbed, then go.
        if (recording_) stop();
        handoff::runAndWait(job_, [] {});
    }
    thread_.quit();
    thread_.wait();
    delete job_; // an unfinished recording is abandoned: its files are removed
}

bool ViewRecorder::start(QWidget* target, const QStringList& paths, double fps, QString* error,
                         const QRect& area) {
    if (recording_ || thread_.isRunning()) {
        *error = tr("A recording is still being written");
        return false;
    }
    delete job_;
    job_ = new MovieJob;
    // Even sides: video encoders need them, and the frame size is fixed for the whole recording.
    const QRect within = area.isValid() ? area.intersected(target->rect()) : target->rect();
    const QSize size(within.width() & ~1, within.height() & ~1);
    if (!job_->writer.open(paths, size, fps, error)) return false;
    area_ = QRect(within.topLeft(), size);
    job_->moveToThread(&thread_);
    handoff::connect(job_, &MovieJob::written, this, [this] {
        ++written_;
        if (!recording_) emit progress(written_, grabbed_);
    });
    handoff::connect(job_, &MovieJob::done, this, [this](bool ok, const QString& message) {
        thread_.quit();
        thread_.wait();
        emit finished(ok, ok ? tr("Saved %1 frames to %2").arg(grabbed_).arg(paths_.join(", "))
                             : message);
    });
    thread_.start();
    target_ = target;
    paths_ = paths;
    grabbed_ = written_ = dropped_ = 0;
    recording_ = true;
    timer_->start(int(std::lround(1000.0 / fps)));
    grabFrame();
    return true;
}

void ViewRecorder::grabFrame() {
    if (!recording_ || !target_) return stop();
    if (grabbed_ - written_ >= kMaxQueued) { // the encoder is behind: keep memory bounded
        ++dropped_;
        return;
    }
    const QImage frame = target_->grab(area_).toImage();
    ++grabbed_;
    handoff::post(job_, &MovieJob::addFrame, frame);
}

void ViewRecorder::stop() {
    if (!recording_) return;
    recording_ = false;
    timer_->stop();
    emit progress(written_, grabbed_);
    handoff::post(job_, &MovieJob::finish);
}

} // namespace aelab

#include "view_recorder.moc"
