#include "widgets/field_plot.h"
#include "widgets/plot_style.h"

#include <QElapsedTimer>
#include "widgets/arrow_field_plottable.h"
#include "widgets/particle_plottable.h"

#include <algorithm>
#include <cmath>

namespace aelab {

namespace {
const QColor kLearnedColour(200, 40, 40);
const QColor kIdealColour(70, 130, 225, 170);

// A pale warm ramp: the blue ideal and the red learned arrows both stand out
// over every shade of it (a blue ramp once swallowed the ideal arrows).
QCPColorGradient heatGradient() {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0, QColor(255, 255, 255));
    gradient.setColorStopAt(0.5, QColor(255, 236, 200));
    gradient.setColorStopAt(1, QColor(240, 190, 120));
    return gradient;
}
const QColor kDataColour(20, 20, 20, 150);
const QColor kPaintedColour(0, 140, 70);
const QColor kAttractorColour(0, 0, 0);
constexpr double kClipCells = 1.4;
// longer arrows keep their direction, not their length

// The median ideal arrow length where the blurred density is within e^-4.5
// of its peak (about 3 sigma from the data): this length is drawn one cell
// long, so the structure near the data shows; far arrows are clipped.
double referenceLength(const FieldViewData& d) {
    float peak = -1e30f;
    for (float v : d.logDensity)
        peak = std::max(peak, v);
    std::vector<double> lengths;
    for (int i = 0; i < d.idealDx.size(); ++i)
        if (i >= d.logDensity.size() || d.logDensity[i] > peak - 4.5f)
            lengths.push_back(std::hypot(d.idealDx[i], d.idealDy[i]));
    if (lengths.empty()) return 1;
    const size_t k = lengths.size() / 2;
    std::nth_element(lengths.begin(), lengths.begin() + long(k), lengths.end());
    return lengths[k];
}

QPointF clipped(const QPointF& v, double maxLength) {
    const double len = std::hypot(v.x(), v.y());
    return len > maxLength ? v * (maxLength / len) : v;
}
} // namespace

FieldPlot::FieldPlot(QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(320, 320);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    xAxis->setLabel("x₁");
    yAxis->setLabel("x₂");

    colorMap_ = new QCPColorMap(xAxis, yAxis);
    colorScale_ = new QCPColorScale(this);
    colorScale_->setType(QCPAxis::atRight);
    colorMap_->setColorScale(colorScale_);
    colorMap_->setInterpolate(true);
    colorMap_->setGradient(heatGradient());
    colorMap_->setVisible(false);
    colorMap_->removeFromLegend();

    // Basins sit on the background layer, under the grid and every plottable.
    basinImage_ = new QCPItemPixmap(this);
    basinImage_->setLayer("background");
    basinImage_->setScaled(true, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    basinImage_->setVisible(false);

    // Ideal arrows are wide and pale underneath, learned ones thin on top:
    // where the two agree, the red sits inside the blue.
    ideal_ = new ArrowFieldPlottable(xAxis, yAxis);
    ideal_->setPen(QPen(kIdealColour, 3.5, Qt::SolidLine, Qt::RoundCap));
    learned_ = new ArrowFieldPlottable(xAxis, yAxis);
    learned_->setPen(QPen(kLearnedColour, 1.4));
    // Points after arrows: plottables draw in creation order, data on top.
    dataGraph_ = addGraph();
    dataGraph_->setName("training points");
    dataGraph_->setLineStyle(QCPGraph::lsNone);
    dataGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kDataColour, 3));

    particles_ = new ParticlePlottable(xAxis, yAxis);
    particles_->setName("chain particles");
    attractorGraph_ = addGraph();
    attractorGraph_->setName("attractors");
    attractorGraph_->setLineStyle(QCPGraph::lsNone);
    attractorGraph_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCross, QPen(kAttractorColour, 2), QBrush(), 10));
    attractorGraph_->setVisible(false);

    paintedGraph_ = addGraph();
    paintedGraph_->setName("painted points");
    paintedGraph_->setLineStyle(QCPGraph::lsNone);
    paintedGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kPaintedColour, 6));
    paintedGraph_->removeFromLegend();

    title_ = new QCPTextElement(this, QString(), QFont(font().family(), 10, QFont::Bold));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, title_);
    plotLayout()->addElement(1, 1, colorScale_);
    colorScale_->setVisible(false);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    colorScale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    scaleNote_ = new QCPItemText(this);
    scaleNote_->setPositionAlignment(Qt::AlignBottom | Qt::AlignRight);
    scaleNote_->position->setType(QCPItemPosition::ptAxisRectRatio);
    scaleNote_->position->setCoords(0.99, 0.99);
    scaleNote_->setBrush(QColor(255, 255, 255, 200));
    scaleNote_->setPadding(QMargins(4, 2, 4, 2));
    legend->setVisible(true);
    // The key goes right of the colour scale: over the field it hid arrows.
    placeLegendOutside(this, LegendPlace::Right);
    keepTicksApart(this);
    setUpHover();
    rebuild();
}

QColor FieldPlot::heatColour(double t) {
    return QColor::fromRgb(heatGradient().color(t, QCPRange(0, 1)));
}
QColor FieldPlot::idealColour() {
    return kIdealColour;
}
QColor FieldPlot::learnedColour() {
    return kLearnedColour;
}
void FieldPlot::setFieldData(const FieldViewData& view) {
    data_ = view;
    rebuild();
}

void FieldPlot::setShowData(bool on) {
    showData_ = on;
    rebuild();
}
void FieldPlot::setShowLearned(bool on) {
    showLearned_ = on;
    rebuild();
}
void FieldPlot::setShowIdeal(bool on) {
    showIdeal_ = on;
    rebuild();
}
void FieldPlot::setHeatMap(HeatMap kind) {
    heatMap_ = kind;
    rebuild();
}
void FieldPlot::setArrowStride(int stride) {
    stride_ = std::max(1, stride);
    rebuild();
}
int FieldPlot::learnedArrowCount() const {
    return learned_->visible() ? learned_->arrows().size() : 0;
}
int FieldPlot::idealArrowCount() const {
    return ideal_->visible() ? ideal_->arrows().size() : 0;
}
double FieldPlot::longestDrawnArrow() const {
    double longest = 0;
    for (const ArrowFieldPlottable* field : {learned_, ideal_})
        for (const auto& a : field->arrows())
            longest = std::max(longest, std::hypot(a.delta.x(), a.delta.y()));
    return longest;
}

QString FieldPlot::titleText() const {
    return title_->text();
}

void FieldPlot::setTitleText(const QString& text) {
    title_->setText(text);
    replot(QCustomPlot::rpQueuedReplot);
}

void FieldPlot::rebuild() {
    // Frames share the worker's training set: rebuilt only when it changes.
    if (!data_.data.isSharedWith(drawnFrom_) || data_.data.size() != drawnFrom_.size())
        rebuildDataPoints();
    dataGraph_->setVisible(showData_);
    rebuildArrows();
    rebuildHeatMap();
    if (data_.box.isValid() && data_.box != lastBox_) {
        // Reframe only when the box changes, so a user's zoom survives updates.
        lastBox_ = data_.box;
        frameBox();
    }
    replot(QCustomPlot::rpQueuedReplot);
}

void FieldPlot::frameBox() {
    // Show the whole box with one unit as long on x as on y, or the arrows'
    // directions would lie: the longer side of the plot gets extra room.
    if (!lastBox_.isValid()) return;
    const QRect r = axisRect()->rect();
    const double w = std::max(1, r.width()), h = std::max(1, r.height());
    const double perPixel = std::max(lastBox_.width() / w, lastBox_.height() / h);
    const QPointF c = lastBox_.center();
    xAxis->setRange(c.x() - 0.5 * perPixel * w, c.x() + 0.5 * perPixel * w);
    yAxis->setRange(c.y() - 0.5 * perPixel * h, c.y() + 0.5 * perPixel * h);
}

void FieldPlot::resizeEvent(QResizeEvent* event) {
    QCustomPlot::resizeEvent(event);
    // The axis rect's size is known only after a layout pass.
    updateLayout();
    frameBox();
    replot(QCustomPlot::rpQueuedReplot);
}

void FieldPlot::paintEvent(QPaintEvent* event) {
    QElapsedTimer clock;
    clock.start();
    QCustomPlot::paintEvent(event);
    emit painted(double(clock.nsecsElapsed()) / 1e6);
}

void FieldPlot::rebuildArrows() {
    QVector<ArrowFieldPlottable::Arrow> learned, ideal;
    if (data_.hasField()) {
        // One scale for both fields so their lengths compare directly, set by
        // the ideal arrows near the data (the far corners would dwarf them).
        const double cell = stride_ * data_.box.width() / data_.nx;
        arrowScale_ = cell / std::max(1e-12, referenceLength(data_));
        const double clip = kClipCells * cell;
        const int offset = stride_ / 2;
        for (int iy = offset; iy < data_.ny; iy += stride_)
            for (int ix = offset; ix < data_.nx; ix += stride_) {
                const int i = iy * data_.nx + ix;
                const QPointF at = data_.cellCentre(ix, iy);
                learned.append(
                    {at, clipped(QPointF(data_.dx[i], data_.dy[i]) * arrowScale_, clip)});
                if (i < data_.idealDx.size())
                    ideal.append(
                        {at,
                         clipped(QPointF(data_.idealDx[i], data_.idealDy[i]) * arrowScale_, clip)});
            }
    }
    learned_->setArrows(learned);
    ideal_->setArrows(ideal);
    learned_->setVisible(showLearned_);
    ideal_->setVisible(showIdeal_);
    const QString scale = QString::number(arrowScale_, 'g', 2);
    learned_->setName(QStringLiteral("learned r(x) − x"));
    ideal_->setName(QStringLiteral("ideal r*(x) − x"));
    scaleNote_->setText(
        QStringLiteral("arrows ×%1, clipped at %2 cells").arg(scale).arg(kClipCells));
    scaleNote_->setVisible(showLearned_ || showIdeal_);
    updateLegend();
}

void FieldPlot::updateLegend() {
    // The legend lists only what is shown.
    for (QCPAbstractPlottable* p :
         {static_cast<QCPAbstractPlottable*>(dataGraph_),
          static_cast<QCPAbstractPlottable*>(ideal_), static_cast<QCPAbstractPlottable*>(learned_),
          static_cast<QCPAbstractPlottable*>(particles_),
          static_cast<QCPAbstractPlottable*>(attractorGraph_)}) {
        const bool shown = p->visible() && (p != particles_ || particles_->particleCount() > 0);
        if (shown)
            p->addToLegend();
        else
            p->removeFromLegend();
    }
}

void FieldPlot::rebuildHeatMap() {
    const bool on = heatMap_ != HeatMap::None && data_.hasField();
    colorMap_->setVisible(on);
    colorScale_->setVisible(on);
    if (!on) return;
    auto* d = colorMap_->data();
    d->setSize(data_.nx, data_.ny);
    d->setRange(QCPRange(data_.cellCentre(0, 0).x(), data_.cellCentre(data_.nx - 1, 0).x()),
                QCPRange(data_.cellCentre(0, 0).y(), data_.cellCentre(0, data_.ny - 1).y()));
    for (int iy = 0; iy < data_.ny; ++iy)
        for (int ix = 0; ix < data_.nx; ++ix) {
            const int i = iy * data_.nx + ix;
            double v = 0;
            if (heatMap_ == HeatMap::FieldMagnitude)
                v = std::hypot(data_.dx[i], data_.dy[i]);
            else if (i < data_.logDensity.size())
                v = data_.logDensity[i];
            d->setCell(ix, iy, v);
        }
    if (heatMap_ == HeatMap::LogDensity) {
        // Below max - 12 nats the blurred density is indistinguishable from zero.
        double hi = -1e300;
        for (float v : data_.logDensity)
            hi = std::max(hi, double(v));
        colorMap_->setDataRange(QCPRange(hi - 12, hi));
        colorScale_->axis()->setLabel("log p_σ(x)");
    } else {
        colorMap_->rescaleDataRange(true);
        colorScale_->axis()->setLabel("‖r(x) − x‖");
    }
}

void FieldPlot::setPaintMode(bool on) {
    paintMode_ = on;
    if (on) burstMode_ = false;
    setInteractions(on ? QCP::Interactions() : (QCP::iRangeDrag | QCP::iRangeZoom));
    setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
}

void FieldPlot::clearPainted() {
    painted_.clear();
    paintedGraph_->data()->clear();
    replot(QCustomPlot::rpQueuedReplot);
    emit paintedPointsChanged(painted_);
}

void FieldPlot::addPaintedPoint(const QPointF& p) {
    painted_.append(p);
    paintedGraph_->addData(p.x(), p.y());
    replot(QCustomPlot::rpQueuedReplot);
}

void FieldPlot::paintAt(const QPointF& pixel) {
    const QPointF p(xAxis->pixelToCoord(pixel.x()), yAxis->pixelToCoord(pixel.y()));
    // Space strokes by at least 6 pixels so a slow drag does not pile points up.
    if (!painted_.isEmpty()) {
        const QPointF last(xAxis->coordToPixel(painted_.last().x()),
                           yAxis->coordToPixel(painted_.last().y()));
        if (QLineF(last, pixel).length() < 6) return;
    }
    addPaintedPoint(p);
}

void FieldPlot::mousePressEvent(QMouseEvent* event) {
    if (burstMode_ && event->button() == Qt::LeftButton &&
        axisRect()->rect().contains(event->pos())) {
        bursting_ = true;
        burstAt(event->position(), true);
        return;
    }
    if (paintMode_ && event->button() == Qt::LeftButton &&
        axisRect()->rect().contains(event->pos())) {
        painting_ = true;
        paintAt(event->position());
        return;
    }
    QCustomPlot::mousePressEvent(event);
}

void FieldPlot::mouseMoveEvent(QMouseEvent* event) {
    if (bursting_) {
        burstAt(event->position(), false);
        return;
    }
    if (painting_) {
        paintAt(event->position());
        return;
    }
    if (event->buttons() == Qt::NoButton) showReadout(event->position());
    QCustomPlot::mouseMoveEvent(event);
}

void FieldPlot::mouseReleaseEvent(QMouseEvent* event) {
    if (bursting_) {
        bursting_ = false;
        return;
    }
    if (painting_) {
        painting_ = false;
        emit paintedPointsChanged(painted_);
        return;
    }
    QCustomPlot::mouseReleaseEvent(event);
}

void FieldPlot::setPresentation(bool on) {
    const int base = on ? 16 : 9;
    QFont f = font();
    f.setPointSize(base);
    for (QCPAxis* axis : {xAxis, yAxis, colorScale_->axis()}) {
        axis->setTickLabelFont(f);
        axis->setLabelFont(f);
    }
    legend->setFont(f);
    title_->setFont(QFont(f.family(), base + 2, QFont::Bold));
    learned_->setPen(QPen(kLearnedColour, on ? 2.6 : 1.4));
    ideal_->setPen(QPen(kIdealColour, on ? 6 : 3.5, Qt::SolidLine, Qt::RoundCap));
    scaleNote_->setFont(f);
    learned_->setHeadLength(on ? 9 : 5);
    stride_ = on ? 3 : 2; // fewer, bolder arrows read better from the back of a room
    rebuildArrows();
    ideal_->setHeadLength(on ? 9 : 5);
    dataGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kDataColour, on ? 5 : 3));
    particles_->setDotSize(on ? 6 : 3.5);
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace aelab
