#pragma once
// One page of an image set for the gallery: the images, their class names
// and where the page starts. Shared by every lab that shows a gallery.
#include <QImage>
#include <QStringList>
#include <QVector>

namespace aelab {

struct ImageSet;

struct GalleryPage {
    int page = 0;
    int total = 0; // images in the split
    QVector<QImage> images;
    QStringList captions;
};

GalleryPage galleryPage(const aelab::ImageSet& data, int page, bool testSplit, int perPage);

} // namespace aelab
