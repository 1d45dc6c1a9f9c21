#pragma once
// chain.gif and chain.mp4 of the chain and anneal verbs: the GUI's field
// plot, drawn off screen, one frame a step. It streams, so no run keeps every
// step's particles.
#include "widgets/field_plot.h"
#include "app/labkit/movie_writer.h"

#include <QDir>
#include <QString>

namespace at {
class Tensor;
}

namespace aelab::cli {

struct ChainVideoSettings {
    QDir out;
    int side = 640;
    double fps = 15;
    bool arrows = false; // the learned field's arrows under the particles
    int trail = 0;       // trail frames; 0: the plot's own default
};

class ChainVideo {
  public:
    explicit ChainVideo(ChainVideoSettings settings) : s_(std::move(settings)) {}
    // Lays the plot out over the data and the learned field; opens the files.
    bool start(const FieldViewData& field, QString* error);
    // Draws the particles (n x 2, contiguous) under title; after a failed
    // frame, nothing.
    void addFrame(const at::Tensor& particles, const QString& title);
    // Replaces the field under the particles (the anneal verb's level).
    void setField(const FieldViewData& field);
    // Closes the files: false with the first failure of a frame or the close.
    bool finish(QString* error);
    double seconds() const { return seconds_; } // drawing and encoding

  private:
    ChainVideoSettings s_;
    FieldPlot plot_;
    MovieWriter movie_;
    bool ok_ = true;
    QString error_;
    double seconds_ = 0;
};

} // namespace aelab::cli
