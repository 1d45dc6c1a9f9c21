#pragma once
// The field lab's main view: training points, learned and ideal arrows, and a
// heat map, each a layer the user switches on and off. In paint mode a drag
// adds points, which the app turns into a dataset. Used by the GUI and, off
// screen, by the command line's field.png.
#include "widgets/chain_view_data.h"
#include "widgets/field_view_data.h"

#include <qcustomplot.h>

namespace aelab {

class ArrowFieldPlottable;
class ParticlePlottable;
class ContourPlottable;

class FieldPlot : public QCustomPlot {
    Q_OBJECT
  public:
    enum class HeatMap { None, FieldMagnitude, LogDensity };

    explicit FieldPlot(QWidget* parent = nullptr);

    void setFieldData(const FieldViewData& data);
    const FieldViewData& fieldData() const { return data_; }

    void setShowData(bool on);
    void setShowLearned(bool on);
    void setShowIdeal(bool on);
    void setHeatMap(HeatMap kind);
    bool showData() const { return showData_; }
    // Beyond this many training points the plot draws every k-th point, at
    // most this many, and its legend says so: drawn one by one (no adaptive
    // sampling, which cut a dense spiral into clumps) 20,000 discs cost 23 ms
    // a frame, 5,000 about 7, and show the same shape.
    static constexpr int kMaxDrawnPoints = 5000;
    int drawnPointCount() const;
    QString drawnPointsLabel() const; // the legend's entry for them
    bool showLearned() const { return showLearned_; }
    bool showIdeal() const { return showIdeal_; }
    HeatMap heatMap() const { return heatMap_; }

    // Arrows are drawn on every `stride`-th grid cell, both fields scaled by
    // arrowScale(): a typical ideal arrow near the data spans one drawn cell,
    // and arrows longer than 1.4 cells are drawn 1.4 cells long. The plot
    // states both, so the picture stays honest.
    void setArrowStride(int stride);
    double arrowScale() const { return arrowScale_; }
    int learnedArrowCount() const;
    int idealArrowCount() const;
    double longestDrawnArrow() const; // in data units, after scaling and clipping

    void setPaintMode(bool on);
    bool paintMode() const { return paintMode_; }
    void clearPainted();
    QVector<QPointF> paintedPoints() const { return painted_; }
    // Adds a stroke point in data coordinates (what a mouse drag does).
    void addPaintedPoint(const QPointF& p);

    // Chain layers (the chain lab): particles with fading trails, one
    // pushed frame per chain step, and basins of attraction under everything.
    void pushParticles(const QVector<QPointF>& positions);
    void clearParticles();
    void setTrailLength(int frames);
    int particleCount() const;
    void setBasins(const BasinViewData& basins);
    void setShowBasins(bool on);
    bool showBasins() const { return showBasins_; }
    const BasinViewData& basins() const { return basins_; }
    // Contour lines of the particles' density over the data's (an invalid
    // density hides them); the segments drawn, for tests.
    void setDensityContours(const DensityViewData& density);
    int densitySegmentCount(bool ofParticles) const;
    // In burst mode a click, or a drag every 12 pixels, emits burstRequested.
    void setBurstMode(bool on);
    bool burstMode() const { return burstMode_; }

    // What a recording of the plot keeps: the data's box with the title
    // over it, not the white margins beside a square box (widget pixels).
    QRect recordingArea() const;
    // The hover readout's text at a point in data coordinates: r(x) − x,
    // r*(x) − x, log p_σ(x) and the basin, of the grid cell there (empty
    // outside the grid).
    QString readoutAt(const QPointF& at) const;
    bool readoutShown() const;
    // The heat map's colour at t in [0, 1], and the arrows' colours (tests
    // check the ideal arrows stay visible over every heat).
    static QColor heatColour(double t);
    static QColor idealColour();
    static QColor learnedColour();
    // Frames the data's box again (undoing the user's zoom and drag).
    void resetView();
    void setTitleText(const QString& text);
    QString titleText() const;
    // Larger fonts and thicker lines for a lecture hall.
    void setPresentation(bool on);

  signals:
    void paintedPointsChanged(const QVector<QPointF>& points);
    void burstRequested(const QPointF& at); // data coordinates
    // After each paint, with the milliseconds it took (frame timing).
    void painted(double ms);

  protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void leaveEvent(QEvent* event) override;

  private:
    void rebuild();
    void rebuildDataPoints();
    void rebuildArrows();
    void rebuildHeatMap();
    void paintAt(const QPointF& pixel);
    void burstAt(const QPointF& pixel, bool force);
    void rebuildBasins();
    void updateLegend();
    void frameBox();
    void setUpHover();
    void showReadout(const QPointF& pixel);

    FieldViewData data_;
    QVector<QPointF> drawnFrom_; // the training set dataGraph_ was built from
    QCPGraph* dataGraph_ = nullptr;
    QCPGraph* paintedGraph_ = nullptr;
    ArrowFieldPlottable* learned_ = nullptr;
    ArrowFieldPlottable* ideal_ = nullptr;
    QCPColorMap* colorMap_ = nullptr;
    QCPColorScale* colorScale_ = nullptr;
    ParticlePlottable* particles_ = nullptr;
    QCPItemPixmap* basinImage_ = nullptr;
    QCPGraph* attractorGraph_ = nullptr;
    ContourPlottable* dataContours_ = nullptr; // made on first use
    ContourPlottable* particleContours_ = nullptr;
    BasinViewData basins_;
    bool showBasins_ = false, burstMode_ = false, bursting_ = false;
    QPointF lastBurstPixel_;
    QCPTextElement* title_ = nullptr;
    QCPItemText* scaleNote_ = nullptr;
    QCPItemText* hover_ = nullptr;
    bool showData_ = true, showLearned_ = true, showIdeal_ = true;
    HeatMap heatMap_ = HeatMap::None;
    int stride_ = 2;
    double arrowScale_ = 1;
    bool paintMode_ = false, painting_ = false;
    QVector<QPointF> painted_;
    QRectF lastBox_;
};

} // namespace aelab
