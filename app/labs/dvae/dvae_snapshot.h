#pragma once
// What the DVAE lab's worker sends to the GUI, by value (no Torch).
#include <QImage>
#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QVector>

namespace aelab {

inline constexpr int kDvaeSlots = 2;     // two models side by side
inline constexpr int kDvaeSamples = 36;  // prior samples shown per model
inline constexpr int kDvaeReconCols = 8; // test images in the reconstruction rows

struct DvaeSlotView {
    QString title; // "DVAE (saltpepper:0.1)"
    long long step = 0;
    double epochs = 0;
    QVector<QPointF> trainLoss; // new (epoch, -bound on a training batch) points
    QVector<QPointF> testNll;   // new (epoch, estimated test NLL) points
    QVector<QPointF> trainElbo; // new (epoch, −ELBO on training images as trained) points
    QVector<QImage> samples;    // from the prior
    QVector<QImage> recon;      // rows: clean, from clean, corrupted, from corrupted
    QVector<QPointF> latent;    // test codes in 2D (first two dims or principal axes)
    QVector<int> latentClass;   // class of each point, -1 = none
    QString latentAxes;         // how the 2D view was made
    double lastNll = 0;         // the latest estimate, 0 = none yet
    int lastNllK = 0;
    double lastTrainElbo = 0;  // −ELBO on training images, with the live NLL; 0 = none
    long long trainImages = 0; // what the model trains on
    bool fixedBinarisation = false;
};

struct DvaeSnapshot {
    quint64 modelId = 0;   // changes when the models are rebuilt: charts restart
    bool hasViews = false; // samples, reconstructions and latents present
    DvaeSlotView slot[kDvaeSlots];
    double stepsPerSecond = 0;
    bool diverged = false;
    QString message;
};

} // namespace aelab

Q_DECLARE_METATYPE(aelab::DvaeSnapshot)
