#include "widgets/field_multiples.h"
#include "widgets/field_plot.h"

#include <QPainter>
#include <algorithm>

namespace aelab {

QImage renderFieldMultiples(const QVector<FieldPanel>& panels, int side) {
    const int columns = panels.size() <= 2 ? int(std::max<qsizetype>(1, panels.size())) : 2;
    const int rows = int((panels.size() + columns - 1) / columns);
    QImage sheet(columns * side, std::max(1, rows) * side, QImage::Format_RGB32);
    sheet.fill(Qt::white);
    QPainter painter(&sheet);
    FieldPlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    plot.resize(side, side);
    plot.show();
    for (qsizetype i = 0; i < panels.size(); ++i) {
        plot.setFieldData(panels[i].field);
        plot.setTitleText(panels[i].title);
        const QPoint corner(int(i % columns) * side, int(i / columns) * side);
        painter.drawPixmap(corner, plot.toPixmap(side, side));
    }
    return sheet;
}

} // namespace aelab
