// The field plot's chain layers: particles, basins of attraction, bursts.
#include "widgets/field_plot.h"
#include "widgets/contour_plottable.h"
#include "widgets/particle_plottable.h"

#include <iterator>

namespace aelab {

namespace {
// Pale, distinct colours for basins; particles and arrows stay readable on them.
const QColor kBasinColours[] = {{251, 214, 178}, {200, 230, 201}, {187, 222, 251}, {248, 187, 208},
                                {255, 241, 168}, {209, 196, 233}, {178, 235, 242}, {255, 204, 188},
                                {220, 237, 200}, {197, 202, 233}, {255, 224, 178}, {240, 200, 240}};
} // namespace

void FieldPlot::pushParticles(const QVector<QPointF>& positions) {
    const bool wasEmpty = particles_->particleCount() == 0;
    particles_->pushFrame(positions);
    if (wasEmpty != (particles_->particleCount() == 0)) updateLegend();
    replot(QCustomPlot::rpQueuedReplot);
}

void FieldPlot::clearParticles() {
    particles_->clear();
    updateLegend();
    replot(QCustomPlot::rpQueuedReplot);
}

void FieldPlot::setTrailLength(int frames) {
    particles_->setTrailLength(frames);
    replot(QCustomPlot::rpQueuedReplot);
}

int FieldPlot::particleCount() const {
    return particles_->particleCount();
}

void FieldPlot::setBasins(const BasinViewData& basins) {
    basins_ = basins;
    rebuildBasins();
}

void FieldPlot::setShowBasins(bool on) {
    showBasins_ = on;
    rebuildBasins();
}

void FieldPlot::rebuildBasins() {
    const bool on = showBasins_ && basins_.isValid();
    basinImage_->setVisible(on);
    attractorGraph_->setVisible(on);
    if (on) {
        // One pixel per cell, row 0 at the top; scaled without smoothing so cells stay crisp.
        QImage image(basins_.nx, basins_.ny, QImage::Format_RGB32);
        const int palette = int(std::size(kBasinColours));
        for (int iy = 0; iy < basins_.ny; ++iy)
            for (int ix = 0; ix < basins_.nx; ++ix) {
                const int label = basins_.label[iy * basins_.nx + ix];
                const QColor c = label < 0 ? QColor(Qt::white) : kBasinColours[label % palette];
                image.setPixel(ix, basins_.ny - 1 - iy, c.rgb());
            }
        basinImage_->setPixmap(QPixmap::fromImage(image));
        basinImage_->topLeft->setCoords(basins_.box.left(), basins_.box.bottom());
        basinImage_->bottomRight->setCoords(basins_.box.right(), basins_.box.top());
        QVector<double> xs, ys;
        for (const QPointF& a : basins_.attractors)
            xs.append(a.x()), ys.append(a.y());
        attractorGraph_->setData(xs, ys, true);
    }
    updateLegend();
    replot(QCustomPlot::rpQueuedReplot);
}

// Two levels of the data's density (scaled to a maximum of 1): its outskirts
// and its core. The particles' density is drawn at the same levels.
void FieldPlot::setDensityContours(const DensityViewData& density) {
    if (!dataContours_) {
        dataContours_ = new ContourPlottable(xAxis, yAxis);
        dataContours_->setName(QStringLiteral("data density"));
        dataContours_->setPen(QPen(QColor(60, 60, 60), 1.2, Qt::DashLine));
        particleContours_ = new ContourPlottable(xAxis, yAxis);
        particleContours_->setName(QStringLiteral("particle density"));
        particleContours_->setPen(QPen(QColor(230, 120, 0), 1.6));
    }
    QVector<QLineF> ofData, ofParticles;
    if (density.isValid())
        for (const float level : {0.1f, 0.4f}) {
            ofData += contourSegments(density.data, density.nx, density.ny, density.box, level);
            ofParticles +=
                contourSegments(density.particles, density.nx, density.ny, density.box, level);
        }
    dataContours_->setSegments(std::move(ofData));
    particleContours_->setSegments(std::move(ofParticles));
    for (ContourPlottable* c : {dataContours_, particleContours_}) {
        c->setVisible(density.isValid());
        if (density.isValid())
            c->addToLegend();
        else
            c->removeFromLegend();
    }
    replot(QCustomPlot::rpQueuedReplot);
}

int FieldPlot::densitySegmentCount(bool ofParticles) const {
    const ContourPlottable* c = ofParticles ? particleContours_ : dataContours_;
    return c && c->visible() ? int(c->segments().size()) : 0;
}

void FieldPlot::setBurstMode(bool on) {
    burstMode_ = on;
    if (on) paintMode_ = false;
    setInteractions(on || paintMode_ ? QCP::Interactions() : (QCP::iRangeDrag | QCP::iRangeZoom));
    setCursor(on || paintMode_ ? Qt::CrossCursor : Qt::ArrowCursor);
}

void FieldPlot::burstAt(const QPointF& pixel, bool force) {
    if (!force && QLineF(lastBurstPixel_, pixel).length() < 12) return;
    lastBurstPixel_ = pixel;
    emit burstRequested(QPointF(xAxis->pixelToCoord(pixel.x()), yAxis->pixelToCoord(pixel.y())));
}

} // namespace aelab
