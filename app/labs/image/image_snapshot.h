#pragma once
// What the image lab's worker sends to the GUI, by value (no Torch).
#include <QImage>
#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

namespace aelab {

struct ImageScore {
    double nearestTrain = 0, nearestOther = 0;
};

struct ImageSnapshot {
    quint64 modelId = 0; // changes when the model is rebuilt: charts restart
    long long step = 0;  // training steps so far
    double stepsPerSecond = 0;
    QVector<QPointF> trainLoss; // new (step, loss) points since the last snapshot
    QVector<QPointF> testLoss;
    QVector<QImage> preview; // clean, corrupted, reconstructed rows of kPreviewColumns
    QString previewNoise;    // the corruption the preview shows
    QVector<QImage> samples; // the chains' current images
    long long chainStep = 0;
    bool chainsRunning = false;
    ImageScore score, reference; // samples, and as many test images (the yardstick)
    bool hasScore = false;
    // When the chains refine another model's samples: their score at step 0.
    ImageScore startScore;
    bool hasStartScore = false;
    QString startLabel; // where the samples came from
    QString dataDescription;
    bool diverged = false;
    QString message; // divergence or other notice for the banner
};

inline constexpr int kPreviewColumns = 8;

} // namespace aelab

Q_DECLARE_METATYPE(aelab::ImageSnapshot)
