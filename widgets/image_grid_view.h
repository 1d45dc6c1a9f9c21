#pragma once
// A grid of small images (digits, garments, lines, the user's pictures)
// scaled up with crisp pixels to fill the widget, with optional row labels on
// the left and a caption underneath. Clicking an image emits its index. Used
// for the noise preview, the sampling chains and the gallery.
#include <QImage>
#include <QStringList>
#include <QVector>
#include <QWidget>

namespace aelab {

class ImageGridView : public QWidget {
    Q_OBJECT
  public:
    explicit ImageGridView(QWidget* parent = nullptr);

    // Images in rows of `columns`; rowLabels, if given, name each row.
    void setImages(const QVector<QImage>& images, int columns, const QStringList& rowLabels = {});
    // A short text under each image (empty strings for none); cleared by
    // passing an empty list.
    void setCellCaptions(const QStringList& captions);
    void setCaption(const QString& caption);
    void setPlaceholder(const QString& text); // shown while there are no images
    void setPresentation(bool on);

    const QVector<QImage>& images() const { return images_; }
    int columns() const { return columns_; }
    QString caption() const { return caption_; }
    // The cell of image i in widget coordinates (empty when out of range).
    QRect cellRect(int index) const;
    // The view as one image, for export and the recorder.
    QImage render(QSize size = {}) const;

    // Small, so a lab's stacked views never make the window taller than a
    // 720-pixel screen; the views grow into whatever room there is.
    QSize minimumSizeHint() const override { return {96, 64}; }

  signals:
    void imageClicked(int index);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

  private:
    struct Geometry {
        int cell = 0, gap = 0, labelWidth = 0, left = 0, top = 0;
        int below = 0; // height of the text under each cell
        int pitch() const { return cell + gap + below; }
    };
    Geometry geometry(QSize size) const;
    QFont textFont() const; // larger in presentation mode
    void paintOn(QPainter& p, QSize size) const;

    QVector<QImage> images_;
    QStringList rowLabels_, cellCaptions_;
    QString caption_, placeholder_;
    int columns_ = 1;
    bool presentation_ = false;
};

} // namespace aelab
