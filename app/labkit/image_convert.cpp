#include <torch/types.h>

#include "app/labkit/image_convert.h"

#include <QPainter>

#include <cstring>

namespace aelab {

QVector<QImage> toImages(const at::Tensor& nchw) {
    auto u8 = (nchw.detach().to(torch::kFloat32).clamp(0, 1) * 255)
                  .round()
                  .to(torch::kUInt8)
                  .contiguous();
    const int n = int(u8.size(0)), c = int(u8.size(1)), h = int(u8.size(2)), w = int(u8.size(3));
    const std::uint8_t* p = u8.data_ptr<std::uint8_t>();
    QVector<QImage> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        QImage img(w, h, c == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
        const std::uint8_t* src = p + size_t(i) * size_t(c * h * w);
        for (int y = 0; y < h; ++y) {
            uchar* row = img.scanLine(y);
            for (int x = 0; x < w; ++x) {
                if (c == 1) {
                    row[x] = src[y * w + x];
                } else {
                    for (int k = 0; k < 3; ++k)
                        row[3 * x + k] = src[(k % c) * h * w + y * w + x];
                }
            }
        }
        out.append(img);
    }
    return out;
}

QImage mosaic(const QVector<QImage>& images, int columns, int scale, int gap) {
    if (images.isEmpty() || columns < 1) return {};
    const int w = images.first().width() * scale, h = images.first().height() * scale;
    const int rows = (int(images.size()) + columns - 1) / columns;
    const int cols = std::min(columns, int(images.size()));
    QImage out(cols * w + (cols + 1) * gap, rows * h + (rows + 1) * gap, QImage::Format_RGB32);
    out.fill(QColor(40, 40, 48));
    QPainter painter(&out);
    for (int i = 0; i < images.size(); ++i) {
        const int r = i / columns, c = i % columns;
        painter.drawImage(QRect(gap + c * (w + gap), gap + r * (h + gap), w, h), images[i]);
    }
    return out;
}

QImage strip(const QVector<QImage>& images) {
    if (images.isEmpty()) return {};
    const QImage& first = images.first();
    const int w = first.width(), h = first.height();
    const int bytes = first.depth() / 8 * w; // one image row
    QImage out(w * int(images.size()), h, first.format());
    for (int i = 0; i < images.size(); ++i) {
        const QImage img = images[i].convertToFormat(first.format()).scaled(w, h);
        for (int y = 0; y < h; ++y)
            std::memcpy(out.scanLine(y) + size_t(i) * size_t(bytes), img.constScanLine(y),
                        size_t(bytes));
    }
    return out;
}

at::Tensor fromImage(const QImage& image, int channels, int height, int width) {
    const QImage scaled =
        image.scaled(width, height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
            .convertToFormat(channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    auto out = torch::empty({1, channels, height, width}, torch::kFloat32);
    auto acc = out.accessor<float, 4>();
    for (int y = 0; y < height; ++y) {
        const uchar* row = scaled.constScanLine(y);
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c)
                acc[0][c][y][x] = float(row[channels == 1 ? x : 3 * x + c]) / 255.0f;
    }
    return out;
}

} // namespace aelab
