#pragma once
// Browses an image set page by page: a grid, previous/next buttons, a page
// counter and a train/test switch. The gallery holds no data: it asks for a
// page (pageRequested) and shows what it is given (showPage).
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace aelab {

class ImageGridView;

class ImageGallery : public QWidget {
    Q_OBJECT
  public:
    explicit ImageGallery(QWidget* parent = nullptr);

    static constexpr int kColumns = 12;
    static constexpr int kPerPage = 96;

    // total: images in the chosen split; captions: one per image (class names).
    void showPage(int page, int total, const QVector<QImage>& images, const QStringList& captions);
    void clear(const QString& message);
    int page() const { return page_; }
    bool testSplit() const;
    ImageGridView* grid() const { return grid_; }

  signals:
    void pageRequested(int page, bool testSplit);
    void imageChosen(int index, bool testSplit); // index within the split

  private:
    void request(int page);

    ImageGridView* grid_;
    QPushButton* prev_;
    QPushButton* next_;
    QLabel* counter_;
    QComboBox* split_;
    int page_ = 0, pages_ = 0;
};

} // namespace aelab
