#pragma once
// What the image labs (image, interpolation, DVAE) build alike around their
// worker: a status line over the main view, busy and failure reports, and
// the gallery's pages. One place, so the labs' constructors only say what
// is their own.
#include "app/labkit/thread_handoff.h"
#include "widgets/image_gallery.h"

#include <QLabel>
#include <QString>

#include <initializer_list>

namespace aelab {

// A word-wrapped label for a lab's status line.
QLabel* makeStatusLabel(QWidget* parent);
// A widget with the header labels stacked over view, which takes the rest.
QWidget* stackOver(std::initializer_list<QWidget*> headers, QWidget* view, QWidget* parent);

// The worker's busy(what) reaches lab->busyChanged (the status bar's
// progress) and, when it names something, the status line.
template <class Worker, class Lab> void connectBusy(Worker* worker, Lab* lab, QLabel* status) {
    handoff::connect(worker, &Worker::busy, lab, [lab, status](const QString& what) {
        emit lab->busyChanged(what);
        if (!what.isEmpty()) status->setText(what);
    });
}

// Gallery pages come from the worker (which holds the data) when asked.
template <class Worker> void connectGallery(Worker* worker, ImageGallery* gallery) {
    handoff::connect(worker, &Worker::galleryPage, gallery, &ImageGallery::showPage);
    QObject::connect(gallery, &ImageGallery::pageRequested, gallery, [worker](int page, bool test) {
        handoff::post(worker, &Worker::requestGalleryPage, page, test, ImageGallery::kPerPage);
    });
}
// Asks for the gallery's first page of training images (after new data).
template <class Worker> void requestFirstPage(Worker* worker) {
    handoff::post(worker, &Worker::requestGalleryPage, 0, false, ImageGallery::kPerPage);
}

} // namespace aelab
