#pragma once
// What the field worker hands the GUI every frame: plain values, copied by
// value across the thread boundary (QVector shares its buffer until written).
#include "core/field/field_trainer.h"
#include "core/field/field_types.h"
#include "widgets/field_multiples.h"
#include "widgets/field_view_data.h"

#include <QMetaType>
#include <QString>

namespace aelab {

struct FieldSnapshot {
    quint64 run = 0; // bumps on every reset: the GUI clears its charts
    long long step = 0;
    double loss = 0;           // mean loss over the last frame's steps
    double stepsPerSecond = 0; // wall-clock rate over about the last second
    double r2 = 0;             // field fit score of the drawn field
    double sigma = 0;          // the corruption the model trains with now
    bool playing = false;
    bool restored = false;      // the first frame of a model restored from a session
    QVector<QPointF> newLosses; // (step, loss) since the previous snapshot
    QVector<qint64> timeline;   // steps of the kept weight snapshots, oldest first (when changed)
    int timelinePosition = -1;  // the snapshot shown; -1: the live end
    FieldViewData view;
    // Noise-conditional model: (sigma, fit R²) per ladder level, when
    // recomputed (about twice a second while training); empty otherwise.
    QVector<QPointF> fitBySigma;
    bool conditional = false;
};

// Packed x0,y0,x1,y1,... (count points) as points: for training sets,
// loaded files and chain particles alike.
QVector<QPointF> toPoints(const float* xy, qsizetype count);
QVector<QPointF> toPoints(const std::vector<float>& xy);

// The view of a core result: the same conversion for the GUI and the CLI.
FieldViewData toViewData(const aelab::FieldResult& result, const std::vector<float>& dataXY);

// A noise-conditional model's field at four levels of its ladder, largest to
// smallest, each titled with its sigma and fit (fields.png of `aelab
// anneal`, the field lab's export). The trainer is back at its own sigma
// afterwards. Empty for a single-sigma model.
QVector<FieldPanel> levelPanels(aelab::FieldTrainer& trainer);

} // namespace aelab

Q_DECLARE_METATYPE(aelab::FieldSnapshot)
Q_DECLARE_METATYPE(aelab::FieldConfig)
