#include "field_plot.h"
#include "arrow_field_plottable.h"

#include <algorithm>
#include <cmath>

namespace {
const QColor kLearnedColour(200, 40, 40);
const QColor kIdealColour(40, 90, 200, 170);
const QColor kDataColour(20, 20, 20, 150);
const QColor kPaintedColour(0, 140, 70);
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
    QCPColorGradient gradient(QCPColorGradient::gpCold);
    gradient.setColorStopAt(0, QColor(255, 255, 255));
    gradient.setColorStopAt(0.5, QColor(190, 220, 245));
    gradient.setColorStopAt(1, QColor(90, 150, 210));
    colorMap_->setGradient(gradient);
    colorMap_->setVisible(false);
    colorMap_->removeFromLegend();

    dataGraph_ = addGraph();
    dataGraph_->setName("training points");
    dataGraph_->setLineStyle(QCPGraph::lsNone);
    dataGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kDataColour, 3));

    ideal_ = new ArrowFieldPlottable(xAxis, yAxis);
    ideal_->setPen(QPen(kIdealColour, 1.2));
    learned_ = new ArrowFieldPlottable(xAxis, yAxis);
    learned_->setPen(QPen(kLearnedColour, 1.4));

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

    legend->setVisible(true);
    legend->setBrush(QColor(255, 255, 255, 210));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    rebuild();
}

void FieldPlot::setFieldData(const FieldViewData& data) {
    data_ = data;
    rebuild();
}

void FieldPlot::setShowData(bool on) { showData_ = on; rebuild(); }
void FieldPlot::setShowLearned(bool on) { showLearned_ = on; rebuild(); }
void FieldPlot::setShowIdeal(bool on) { showIdeal_ = on; rebuild(); }
void FieldPlot::setHeatMap(HeatMap kind) { heatMap_ = kind; rebuild(); }
void FieldPlot::setArrowStride(int stride) { stride_ = std::max(1, stride); rebuild(); }
int FieldPlot::learnedArrowCount() const { return learned_->visible() ? learned_->arrows().size() : 0; }
int FieldPlot::idealArrowCount() const { return ideal_->visible() ? ideal_->arrows().size() : 0; }
void FieldPlot::setTitleText(const QString& text) { title_->setText(text); replot(QCustomPlot::rpQueuedReplot); }

void FieldPlot::rebuild() {
    QVector<double> xs, ys;
    for (const QPointF& p : data_.data) xs.append(p.x()), ys.append(p.y());
    dataGraph_->setData(xs, ys, true);
    dataGraph_->setVisible(showData_);
    rebuildArrows();
    rebuildHeatMap();
    if (data_.box.isValid() && data_.box != lastBox_) {
        // Reframe only when the box changes, so a user's zoom survives updates.
        xAxis->setRange(data_.box.left(), data_.box.right());
        yAxis->setRange(data_.box.top(), data_.box.bottom());
        lastBox_ = data_.box;
    }
    replot(QCustomPlot::rpQueuedReplot);
}

void FieldPlot::rebuildArrows() {
    QVector<ArrowFieldPlottable::Arrow> learned, ideal;
    if (data_.hasField()) {
        // One scale for both fields so their lengths compare directly.
        float maxIdeal = 0;
        for (int i = 0; i < data_.idealDx.size(); ++i)
            maxIdeal = std::max(maxIdeal, std::hypot(data_.idealDx[i], data_.idealDy[i]));
        const double cell = stride_ * data_.box.width() / data_.nx;
        arrowScale_ = maxIdeal > 0 ? 1.5 * cell / maxIdeal : 1.0;
        const int offset = stride_ / 2;
        for (int iy = offset; iy < data_.ny; iy += stride_)
            for (int ix = offset; ix < data_.nx; ix += stride_) {
                const int i = iy * data_.nx + ix;
                const QPointF at = data_.cellCentre(ix, iy);
                learned.append({at, QPointF(data_.dx[i], data_.dy[i]) * arrowScale_});
                if (i < data_.idealDx.size())
                    ideal.append({at, QPointF(data_.idealDx[i], data_.idealDy[i]) * arrowScale_});
            }
    }
    learned_->setArrows(learned);
    ideal_->setArrows(ideal);
    learned_->setVisible(showLearned_);
    ideal_->setVisible(showIdeal_);
    const QString scale = QString::number(arrowScale_, 'g', 2);
    learned_->setName(QStringLiteral("learned r(x) − x (×%1)").arg(scale));
    ideal_->setName(QStringLiteral("ideal r*(x) − x (×%1)").arg(scale));
    // The legend lists only what is shown.
    for (QCPAbstractPlottable* p : {static_cast<QCPAbstractPlottable*>(dataGraph_),
                                    static_cast<QCPAbstractPlottable*>(ideal_),
                                    static_cast<QCPAbstractPlottable*>(learned_)}) {
        if (p->visible()) p->addToLegend();
        else p->removeFromLegend();
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
            if (heatMap_ == HeatMap::FieldMagnitude) v = std::hypot(data_.dx[i], data_.dy[i]);
            else if (i < data_.logDensity.size()) v = data_.logDensity[i];
            d->setCell(ix, iy, v);
        }
    if (heatMap_ == HeatMap::LogDensity) {
        // Below max - 12 nats the blurred density is indistinguishable from zero.
        double hi = -1e300;
        for (float v : data_.logDensity) hi = std::max(hi, double(v));
        colorMap_->setDataRange(QCPRange(hi - 12, hi));
        colorScale_->axis()->setLabel("log p_σ(x)");
    } else {
        colorMap_->rescaleDataRange(true);
        colorScale_->axis()->setLabel("‖r(x) − x‖");
    }
}

void FieldPlot::setPaintMode(bool on) {
    paintMode_ = on;
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
    if (paintMode_ && event->button() == Qt::LeftButton &&
        axisRect()->rect().contains(event->pos())) {
        painting_ = true;
        paintAt(event->position());
        return;
    }
    QCustomPlot::mousePressEvent(event);
}

void FieldPlot::mouseMoveEvent(QMouseEvent* event) {
    if (painting_) {
        paintAt(event->position());
        return;
    }
    QCustomPlot::mouseMoveEvent(event);
}

void FieldPlot::mouseReleaseEvent(QMouseEvent* event) {
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
    ideal_->setPen(QPen(kIdealColour, on ? 2.2 : 1.2));
    learned_->setHeadLength(on ? 9 : 5);
    ideal_->setHeadLength(on ? 9 : 5);
    dataGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kDataColour, on ? 5 : 3));
    replot(QCustomPlot::rpQueuedReplot);
}
