#pragma once
// Small multiples of the field plot: one panel per noise level of a
// noise-conditional model, the learned field beside the ideal one, for
// export (fields.png of `aelab anneal`, the field lab's Export menu).
#include "widgets/field_view_data.h"

#include <QImage>
#include <QString>
#include <QVector>

namespace aelab {

struct FieldPanel {
    FieldViewData field;
    QString title; // "σ = 0.1 · fit R² 0.97"
};

// The panels two to a row, each side x side pixels.
QImage renderFieldMultiples(const QVector<FieldPanel>& panels, int side);

} // namespace aelab
