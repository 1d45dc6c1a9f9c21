#include <torch/types.h>

#include "cli/chain_video.h"
#include "app/labs/field/field_snapshot.h"

#include <QElapsedTimer>

namespace aelab::cli {

bool ChainVideo::start(const FieldViewData& field, QString* error) {
    plot_.setAttribute(Qt::WA_DontShowOnScreen);
    plot_.resize(s_.side, s_.side);
    plot_.show();
    plot_.setFieldData(field);
    plot_.setShowIdeal(false);
    plot_.setShowLearned(s_.arrows);
    if (s_.trail > 0) plot_.setTrailLength(s_.trail);
    return movie_.open({s_.out.filePath("chain.gif"), s_.out.filePath("chain.mp4")},
                       QSize(s_.side, s_.side), s_.fps, error);
}

void ChainVideo::setField(const FieldViewData& field) {
    plot_.setFieldData(field);
}

void ChainVideo::addFrame(const at::Tensor& particles, const QString& title) {
    const QVector<QPointF> points = toPoints(particles.data_ptr<float>(), particles.size(0));
    QElapsedTimer clock;
    clock.start();
    plot_.pushParticles(points);
    plot_.setTitleText(title);
    ok_ = ok_ && movie_.addFrame(plot_.toPixmap(s_.side, s_.side).toImage(), &error_);
    seconds_ += clock.nsecsElapsed() * 1e-9;
}

bool ChainVideo::finish(QString* error) {
    if (ok_ && movie_.finish(&error_)) return true;
    *error = error_;
    return false;
}

} // namespace aelab::cli
