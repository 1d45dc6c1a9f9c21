#include "widgets/plot_style.h"

#include <algorithm>
#include <cmath>

namespace aelab {

void placeLegendOutside(QCustomPlot* plot, LegendPlace where) {
    QCPLegend* legend = plot->legend;
    QCPLayoutInset* inset = plot->axisRect()->insetLayout();
    if (inset->elements(false).contains(legend)) inset->take(legend);
    inset->simplify();
    QCPLayoutGrid* grid = plot->plotLayout();
    // The axis rect's cell: legends sit beside it, in a cell of their own.
    int row = 0, column = 0;
    for (int r = 0; r < grid->rowCount(); ++r)
        for (int c = 0; c < grid->columnCount(); ++c)
            if (grid->hasElement(r, c) && grid->element(r, c) == plot->axisRect())
                row = r, column = c;
    if (where == LegendPlace::Above) {
        grid->insertRow(row);
        grid->addElement(row, column, legend);
        grid->setRowStretchFactor(row, 0.001);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        legend->setWrap(2); // two entries a row: a narrow chart stays narrow
    } else {
        grid->insertColumn(grid->columnCount());
        const int last = grid->columnCount() - 1;
        auto* holder = new QCPLayoutGrid;
        grid->addElement(row, last, holder);
        holder->addElement(0, 0, legend);
        // A plain element below pushes the legend to the top; an empty grid
        // would not do: its maximum height of 0 would cap the whole row.
        holder->addElement(1, 0, new QCPLayoutElement(plot));
        holder->setRowStretchFactor(0, 0.001);
        grid->setColumnStretchFactor(last, 0.001);
    }
    legend->setMargins(QMargins(4, 2, 4, 2));
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    // A legend's cell would stretch its entries apart: keep it to its content.
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [legend] {
        const QMargins m = legend->margins();
        legend->setMaximumSize(
            QWIDGETSIZE_MAX,
            std::max(1, legend->minimumOuterSizeHint().height() - m.top() - m.bottom()));
    });
}

int fittingTickCount(const QCPAxis* axis) {
    const QFontMetrics metrics(axis->tickLabelFont());
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    // A label needs its own extent plus as much again as a gap: numbers like
    // "−0.025" along x, one line of text along y.
    const int label =
        horizontal ? metrics.horizontalAdvance(QStringLiteral("−0.025")) : metrics.height();
    const int length = horizontal ? axis->axisRect()->width() : axis->axisRect()->height();
    return std::clamp(length / std::max(1, 2 * label), 1, 10);
}

void keepTicksApart(QCustomPlot* plot) {
    // After each replot, when the layout has given the axes their lengths; a
    // changed count takes one more (queued) replot to show.
    QObject::connect(plot, &QCustomPlot::afterLayout, plot, [plot] {
        bool changed = false;
        for (QCPAxis* axis : plot->axisRect()->axes()) {
            if (!axis->visible() || !axis->tickLabels()) continue;
            const int count = fittingTickCount(axis);
            // The log ticker counts decades; fewer decades never crowd.
            if (axis->ticker()->tickCount() != count) {
                axis->ticker()->setTickCount(count);
                changed = true;
            }
        }
        if (changed) plot->replot(QCustomPlot::rpQueuedReplot);
    });
}

EmptyNote::EmptyNote(QCustomPlot* plot, const QString& text)
    : plot_(plot), note_(new QCPItemText(plot)) {
    note_->position->setType(QCPItemPosition::ptAxisRectRatio);
    note_->position->setCoords(0.5, 0.5);
    note_->setText(text.isEmpty() ? QObject::tr("no data yet") : text);
    note_->setColor(QColor(110, 110, 110));
    note_->setClipToAxisRect(false);
    note_->setVisible(false);
    setEmpty(true);
}

void EmptyNote::setEmpty(bool empty) {
    if (note_->visible() == empty) return;
    note_->setVisible(empty);
    for (QCPAxis* axis : plot_->axisRect()->axes())
        axis->setTickLabels(!empty);
    plot_->legend->setVisible(!empty);
}

bool EmptyNote::isShown() const {
    return note_->visible();
}

void EmptyNote::setFont(const QFont& font) {
    note_->setFont(font);
}

QFont chartFont(const QFont& base, bool presenting) {
    QFont f = base;
    f.setPointSizeF(presenting ? std::max(16.0, base.pointSizeF() * 1.6) : 9);
    return f;
}

QFont setChartFonts(QCustomPlot* plot, bool presenting) {
    const QFont f = chartFont(plot->font(), presenting);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setTickLabelFont(f);
        axis->setLabelFont(f);
    }
    plot->legend->setFont(f);
    return f;
}

} // namespace aelab
