#pragma once
// Records any widget (a lab's plot, or a whole lab) to GIF and/or MP4 while it
// animates. The GUI thread only grabs frames at the chosen rate; encoding
// runs on a thread of its own, so recording never stalls training or the
// chain. Frames that would pile up beyond a bound are dropped and counted.
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QStringList>
#include <QThread>

class QTimer;
class QWidget;

namespace aelab {

class MovieJob;

class ViewRecorder : public QObject {
    Q_OBJECT
  public:
    explicit ViewRecorder(QObject* parent = nullptr);
    ~ViewRecorder() override;

    // Starts recording target (only its area, in its own coordinates, when
    // one is given) into each path (.gif or .mp4) at fps. Returns false with
    // a message if a file cannot be created.
    bool start(QWidget* target, const QStringList& paths, double fps, QString* error,
               const QRect& area = {});
    QSize frameSize() const { return area_.size(); }
    // Stops grabbing; encoding of the queued frames continues and reports
    // progress, then finished().
    void stop();
    bool isRecording() const { return recording_; }
    int framesGrabbed() const { return grabbed_; }
    int framesDropped() const { return dropped_; }
    static constexpr int kMaxQueued = 90;

  signals:
    void progress(int written, int total);
    void finished(bool ok, const QString& message);

  private:
    void grabFrame();

    QThread thread_;
    MovieJob* job_ = nullptr;
    QTimer* timer_ = nullptr;
    QPointer<QWidget> target_;
    QRect area_;
    bool recording_ = false;
    int grabbed_ = 0, written_ = 0, dropped_ = 0;
    QStringList paths_;
};

} // namespace aelab
