#pragma once
// Image tensors ([N, C, H, W] in [0, 1]) to QImages for the views, the
// command line's PNGs and the recorder; and QImages in grids.
#include <QImage>
#include <QVector>

namespace at {
class Tensor;
}

namespace aelab {

// Grey (C = 1) or RGB (C = 3) images, values clamped to [0, 1].
QVector<QImage> toImages(const at::Tensor& nchw);
// Images in a grid of `columns`, `gap` pixels apart on a dark background,
// each scaled up by `scale` (nearest neighbour, so pixels stay crisp).
QImage mosaic(const QVector<QImage>& images, int columns, int scale = 1, int gap = 1);
// Images of one size side by side with no gap, in the first image's format
// (8-bit grey stays 8-bit grey).
QImage strip(const QVector<QImage>& images);
// A picture the user opened as one image of a data set's shape: [1, C, H, W]
// in [0, 1], converted to grey or RGB and resized (smoothly) to W x H.
at::Tensor fromImage(const QImage& image, int channels, int height, int width);

} // namespace aelab
