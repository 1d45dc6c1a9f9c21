#include "widgets/image_grid_view.h"

#include <QMouseEvent>
#include <algorithm>
#include <QPainter>

namespace aelab {

namespace {
const QColor kBackground(28, 28, 34);
const QColor kText(225, 225, 230);
} // namespace

ImageGridView::ImageGridView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
}

void ImageGridView::setImages(const QVector<QImage>& images, int columns,
                              const QStringList& rowLabels) {
    images_ = images;
    columns_ = std::max(1, columns);
    rowLabels_ = rowLabels;
    update();
}

void ImageGridView::setCellCaptions(const QStringList& captions) {
    cellCaptions_ = captions;
    update();
}

void ImageGridView::setCaption(const QString& caption) {
    caption_ = caption;
    update();
}

void ImageGridView::setPlaceholder(const QString& text) {
    placeholder_ = text;
    update();
}

void ImageGridView::setPresentation(bool on) {
    presentation_ = on;
    update();
}

QFont ImageGridView::textFont() const {
    QFont f = font();
    if (presentation_) f.setPointSizeF(f.pointSizeF() * 1.6);
    return f;
}

ImageGridView::Geometry ImageGridView::geometry(QSize size) const {
    Geometry g;
    if (images_.isEmpty()) return g;
    const int rows = (int(images_.size()) + columns_ - 1) / columns_;
    // The same type paintOn draws with, so the room kept is the room used.
    const QFontMetrics text(textFont());
    const int fontPx = text.height();
    for (const QString& label : rowLabels_)
        g.labelWidth = std::max(g.labelWidth, text.horizontalAdvance(label) + 16);
    // Long labels get smaller type (fitted) rather than the images' room.
    g.labelWidth = std::min(g.labelWidth, size.width() * 22 / 100);
    const int captionLines = caption_.isEmpty() ? 0 : int(caption_.count('\n')) + 1;
    const int captionH = captionLines * fontPx + (captionLines ? 6 : 0);
    g.below = cellCaptions_.isEmpty() ? 0 : fontPx + 2;
    const int availW = size.width() - g.labelWidth - 8, availH = size.height() - captionH - 8;
    // Nearest-neighbour scaling keeps pixels crisp at any cell size.
    const int cell = std::min(availW / columns_, availH / rows - g.below);
    g.gap = std::max(1, cell / 24);
    g.cell = std::max(4, cell - g.gap);
    const int gridW = columns_ * (g.cell + g.gap), gridH = rows * g.pitch();
    g.left = g.labelWidth + std::max(4, (size.width() - g.labelWidth - gridW) / 2);
    g.top = std::max(4, (size.height() - captionH - gridH) / 2);
    return g;
}

QRect ImageGridView::cellRect(int index) const {
    if (index < 0 || index >= images_.size()) return {};
    const Geometry g = geometry(size());
    return QRect(g.left + (index % columns_) * (g.cell + g.gap),
                 g.top + (index / columns_) * g.pitch(), g.cell, g.cell);
}

namespace {
// f, made smaller (not below 6 pt) until each line of text fits width:
// presentation mode's large fonts must not spill over small cells.
QFont fitted(QFont f, const QString& text, int width) {
    int widest = 0;
    for (const QString& line : text.split('\n'))
        widest = std::max(widest, QFontMetrics(f).horizontalAdvance(line));
    if (widest > width && widest > 0)
        f.setPointSizeF(std::max(6.0, f.pointSizeF() * 0.95 * width / widest));
    return f;
}
} // namespace

void ImageGridView::paintOn(QPainter& p, QSize size) const {
    p.fillRect(QRect(QPoint(0, 0), size), kBackground);
    const QFont f = textFont();
    p.setFont(f);
    p.setPen(kText);
    if (images_.isEmpty()) {
        p.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
        return;
    }
    const Geometry g = geometry(size);
    const int rows = (int(images_.size()) + columns_ - 1) / columns_;
    for (int i = 0; i < images_.size(); ++i) {
        const QRect r(g.left + (i % columns_) * (g.cell + g.gap),
                      g.top + (i / columns_) * g.pitch(), g.cell, g.cell);
        p.drawImage(r, images_[i]);
        if (i < cellCaptions_.size() && !cellCaptions_[i].isEmpty()) {
            QFont small = f;
            small.setPointSizeF(f.pointSizeF() * 0.8);
            p.setFont(fitted(small, cellCaptions_[i], r.width() + g.gap - 4));
            p.drawText(QRect(r.left() - g.gap / 2, r.bottom() + 1, r.width() + g.gap, g.below),
                       Qt::AlignHCenter | Qt::AlignTop, cellCaptions_[i]);
            p.setFont(f);
        }
    }
    QFont labelFont = f; // one size for all rows: the one the longest label needs
    for (const QString& label : rowLabels_) {
        const QFont fit = fitted(f, label, g.labelWidth - 8);
        if (fit.pointSizeF() < labelFont.pointSizeF()) labelFont = fit;
    }
    p.setFont(labelFont);
    for (int r = 0; r < rows && r < rowLabels_.size(); ++r)
        p.drawText(QRect(4, g.top + r * g.pitch(), g.labelWidth - 8, g.cell),
                   Qt::AlignRight | Qt::AlignVCenter, rowLabels_[r]);
    p.setFont(f);
    p.setFont(fitted(f, caption_, size.width() - 8));
    if (!caption_.isEmpty())
        p.drawText(QRect(0, g.top + rows * g.pitch() + 2, size.width(),
                         QFontMetrics(f).height() * int(caption_.count('\n') + 1) + 4),
                   Qt::AlignHCenter | Qt::AlignTop, caption_);
}

void ImageGridView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintOn(p, size());
}

QImage ImageGridView::render(QSize size) const {
    if (!size.isValid()) size = this->size();
    QImage out(size, QImage::Format_RGB32);
    QPainter p(&out);
    paintOn(p, size);
    return out;
}

void ImageGridView::mousePressEvent(QMouseEvent* event) {
    for (int i = 0; i < images_.size(); ++i)
        if (cellRect(i).contains(event->position().toPoint())) {
            emit imageClicked(i);
            return;
        }
    QWidget::mousePressEvent(event);
}

} // namespace aelab
