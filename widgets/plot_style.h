#pragma once
// What every chart in the app does alike so it stays readable at any size:
// legends that never cover data, tick labels that never collide, a note
// instead of empty axes, and the presentation font.
#include <qcustomplot.h>

namespace aelab {

// Where a legend goes outside the axis rect: a row above it (entries side by
// side, wrapping) or a column to its right.
enum class LegendPlace { Above, Right };
// Moves plot's legend out of the axis rect, so no entry covers a curve.
void placeLegendOutside(QCustomPlot* plot, LegendPlace where);

// Before every replot, sets each visible axis' tick count from its length in
// pixels and its tick-label font, so neighbouring labels never overlap.
void keepTicksApart(QCustomPlot* plot);
// The tick count keepTicksApart chooses for axis (tests check the rule).
int fittingTickCount(const QCPAxis* axis);

// A centred "no data yet" note over plot's axis rect; its tick labels hide
// while it shows, so an empty chart draws no made-up range.
class EmptyNote {
  public:
    explicit EmptyNote(QCustomPlot* plot, const QString& text = {});
    void setEmpty(bool empty);
    bool isShown() const;
    void setFont(const QFont& font);

  private:
    QCustomPlot* plot_;
    QCPItemText* note_;
};

// The font of a chart's text in presentation mode and out of it: at least
// 16 pt on a projector.
QFont chartFont(const QFont& base, bool presenting);

// Gives both axes' labels and ticks and the legend of plot that font; the
// chart's own series and notes stay the caller's. Returns the font.
QFont setChartFonts(QCustomPlot* plot, bool presenting);

} // namespace aelab
