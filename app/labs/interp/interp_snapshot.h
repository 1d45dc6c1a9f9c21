#pragma once
// What the interpolation lab's worker sends to the GUI, by value (no Torch).
#include <QImage>
#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QVector>

namespace aelab {

inline constexpr int kStripFrames = 16;  // frames of the strip (the benchmark's 16)
inline constexpr int kScrubFrames = 101; // the slider's alpha = k / 100

struct InterpSnapshot {
    quint64 modelId = 0; // changes when the active model is rebuilt or switched
    int model = 0;       // aelab::InterpModel of the active model
    long long step = 0;
    double stepsPerSecond = 0;
    bool training = false;
    QVector<QPointF> aeLoss, criticLoss, testLoss; // new (step, value) points
    // Interpolation between the chosen ends, present when it changed:
    bool hasFrames = false;
    QImage endA, endB;           // the chosen images themselves
    QVector<QImage> scrub;       // kScrubFrames decoded frames, alpha = k / 100
    QVector<double> scrubCritic; // the critic's estimate for each (ACAI only)
    QVector<QImage> strip;       // kStripFrames decoded frames, end points included
    QVector<double> stripCritic; // (ACAI only)
    QVector<QImage> crossfade;   // the pixel cross-fade of the two images
    QVector<QImage> compare;     // the same pair through the comparison model
    QString compareName;         // empty when there is no trained comparison model
    QVector<QImage> rotation;    // lines only: the true shortest-path rotation
    QVector<int> trainedModels;  // models with at least one step, for the comparison menu
    // Lines benchmark of the active model, live on a subset of the pairs.
    bool hasScores = false;
    double meanDistance = 0, smoothness = 0;           // the raw frames: the paper's protocol
    double drawnMeanDistance = 0, drawnSmoothness = 0; // the frames as drawn
    int frozenPairs = 0;                               // scored pairs that do not turn at all
    int scorePairs = 0;
    long long scoreStep = 0;
    // Lines: the run's best model so far, scored on the validation pairs
    // (docs/references.md (4.10), lower is better); bestNext: the step of
    // the next scoring, 0 when it comes as soon as the model trains on,
    // -1 off lines.
    bool hasBest = false;
    long long bestNext = -1, bestStep = 0, lastCheckStep = 0;
    double bestFigure = 0, lastCheckFigure = 0;
    bool diverged = false;
    QString message;
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::InterpSnapshot)
