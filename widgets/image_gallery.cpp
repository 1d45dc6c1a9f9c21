#include "widgets/image_gallery.h"
#include "widgets/image_grid_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace aelab {

ImageGallery::ImageGallery(QWidget* parent) : QWidget(parent) {
    grid_ = new ImageGridView(this);
    grid_->setPlaceholder(tr("No data loaded."));
    prev_ = new QPushButton(tr("◀ Previous"), this);
    next_ = new QPushButton(tr("Next ▶"), this);
    counter_ = new QLabel(this);
    split_ = new QComboBox(this);
    split_->addItems({tr("Training images"), tr("Test images")});
    prev_->setToolTip(tr("Previous page (Page Up)"));
    next_->setToolTip(tr("Next page (Page Down)"));
    prev_->setShortcut(QKeySequence(Qt::Key_PageUp));
    next_->setShortcut(QKeySequence(Qt::Key_PageDown));
    auto* bar = new QHBoxLayout;
    bar->addWidget(split_);
    bar->addStretch();
    bar->addWidget(prev_);
    bar->addWidget(counter_);
    bar->addWidget(next_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(grid_, 1);
    connect(prev_, &QPushButton::clicked, this, [this] { request(page_ - 1); });
    connect(next_, &QPushButton::clicked, this, [this] { request(page_ + 1); });
    connect(split_, &QComboBox::currentIndexChanged, this, [this] { request(0); });
    connect(grid_, &ImageGridView::imageClicked, this,
            [this](int i) { emit imageChosen(page_ * kPerPage + i, testSplit()); });
    clear(tr("No data loaded."));
}

bool ImageGallery::testSplit() const {
    return split_->currentIndex() == 1;
}

void ImageGallery::request(int page) {
    if (pages_ > 0) page = std::clamp(page, 0, pages_ - 1);
    emit pageRequested(std::max(0, page), testSplit());
}

void ImageGallery::showPage(int page, int total, const QVector<QImage>& images,
                            const QStringList& captions) {
    page_ = page;
    pages_ = (total + kPerPage - 1) / kPerPage;
    grid_->setImages(images, kColumns);
    QStringList shown;
    for (const QString& c : captions)
        if (!shown.contains(c)) shown << c;
    grid_->setCaption(shown.isEmpty() ? QString() : tr("on this page: %1").arg(shown.join(", ")));
    counter_->setText(
        tr("page %1 of %2 · %3 images").arg(page + 1).arg(std::max(1, pages_)).arg(total));
    prev_->setEnabled(page > 0);
    next_->setEnabled(page + 1 < pages_);
}

void ImageGallery::clear(const QString& message) {
    pages_ = 0;
    grid_->setImages({}, 1);
    grid_->setPlaceholder(message);
    counter_->clear();
    prev_->setEnabled(false);
    next_->setEnabled(false);
}

} // namespace aelab
