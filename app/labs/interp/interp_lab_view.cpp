// The interpolation lab's views fed from the worker's snapshots: the slider
// reads frames decoded in advance, so scrubbing is instant.
#include "widgets/alpha_chart.h"
#include "widgets/image_grid_view.h"
#include "core/interp/interp_config.h"
#include "app/labs/interp/interp_controls.h"
#include "app/labs/interp/interp_lab.h"
#include "app/zoo/zoo_catalogue.h"
#include "widgets/loss_chart.h"

#include <QLabel>
#include <QSlider>

namespace aelab {

namespace {
// The live benchmark readout: "–" before any training (a blank output would
// score as smooth), then both figures (docs/interpolation-lab.md) and over
// how many pairs. docs/references.md §4, Table 1: baseline 6.88e-3 / 0.44,
// ACAI 0.24e-3 / 0.10.
QString scoresText(const InterpSnapshot& s) {
    const QString model = QString::fromStdString(aelab::modelTitle(aelab::InterpModel(s.model)));
    if (s.scoreStep == 0)
        return InterpLab::tr("<b>Lines benchmark</b> of %1: – (untrained; while it trains, %2 "
                             "of the 256 test pairs are scored every few seconds)")
            .arg(model)
            .arg(s.scorePairs);
    const bool still = s.frozenPairs >= s.scorePairs;
    const auto smooth = [still](double v) {
        return still ? QStringLiteral("–") : QString::number(v, 'f', 3);
    };
    QString text =
        InterpLab::tr("<b>Lines benchmark</b> of %1 at step %2, over %3 of the 256 test pairs "
                      "(the command-line benchmark scores all): mean distance <b>%4×10⁻³</b>, "
                      "smoothness <b>%5</b> on the raw decoder output (the paper's protocol); "
                      "%6×10⁻³ / %7 on the frames as drawn. Lower is better; paper: plain AE "
                      "6.88×10⁻³ / 0.44, ACAI 0.24×10⁻³ / 0.10.")
            .arg(model)
            .arg(s.scoreStep)
            .arg(s.scorePairs)
            .arg(s.meanDistance * 1e3, 0, 'f', 2)
            .arg(smooth(s.smoothness))
            .arg(s.drawnMeanDistance * 1e3, 0, 'f', 2)
            .arg(smooth(s.drawnSmoothness));
    // A pair that does not turn scores 0: say so, or 0 reads as perfect.
    if (still)
        return text + InterpLab::tr(" No pair turns yet, so smoothness has nothing to measure.");
    if (s.frozenPairs > 0)
        text += InterpLab::tr(" %1 of the %2 pairs do not turn at all and count as 0 (no turn, not "
                              "a perfect one).")
                    .arg(s.frozenPairs)
                    .arg(s.scorePairs);
    return text;
}
// The run's best model so far (docs/interpolation-lab.md): a run that ran
// away shows it here before anyone rescores it.
QString keptText(const InterpSnapshot& s) {
    if (!s.hasBest) {
        if (s.bestNext < 0 || s.step == 0) return {};
        return s.bestNext == 0 ? InterpLab::tr(" This model is scored for the run's best as soon "
                                               "as it trains on.")
                               : InterpLab::tr(" The run's best model is kept from step %1 on.")
                                     .arg(s.bestNext);
    }
    QString text = InterpLab::tr(" <b>Kept</b>: the best model of this run, step %1, figure "
                                 "%2 on 64 validation pairs (1 = the cross-fade)")
                       .arg(s.bestStep)
                       .arg(s.bestFigure, 0, 'f', 3);
    if (s.lastCheckStep != s.bestStep)
        text += InterpLab::tr("; at step %1: %2")
                    .arg(s.lastCheckStep)
                    .arg(s.lastCheckFigure, 0, 'f', 3);
    return text + ".";
}
} // namespace

void InterpLab::onSnapshot(const InterpSnapshot& s) {
    if (s.modelId != modelId_) {
        modelId_ = s.modelId;
        lossChart_->clearAll();
    }
    if (!s.aeLoss.isEmpty()) lossChart_->appendPoints(aeSeries_, s.aeLoss);
    if (!s.criticLoss.isEmpty()) lossChart_->appendPoints(criticSeries_, s.criticLoss);
    if (!s.testLoss.isEmpty()) lossChart_->appendPoints(testSeries_, s.testLoss);
    controls_->showProgress(s.step, s.stepsPerSecond);
    controls_->setTrainedModels(s.trainedModels);
    if (s.hasFrames) {
        frames_ = s;
        ends_->setImages({s.endA, s.endB}, 2);
        ends_->setCellCaptions({tr("A (α = 0)"), tr("B (α = 1)")});
        QVector<double> alphas;
        for (int k = 0; k < s.scrub.size(); ++k)
            alphas << k / double(kScrubFrames - 1);
        alphaChart_->setEstimates(alphas, s.scrubCritic);
        showFrame(slider_->value());
        showStrip();
    }
    if (s.hasScores) scored_ = s;
    if (scored_.hasScores) {
        const QString text = scoresText(scored_) + keptText(s);
        if (text != scores_->text()) scores_->setText(text);
    }
    controls_->showBest(s.hasBest && s.bestStep != s.step, s.bestStep);
    showPretrainedBadge(s);
    if (s.diverged) {
        controls_->setTraining(false);
        showError(s.message);
    }
    last_ = s;
}

void InterpLab::showFrame(int k) {
    const double alpha = k / double(kScrubFrames - 1);
    alphaChart_->setCurrentAlpha(alpha);
    if (k < 0 || k >= frames_.scrub.size()) return;
    current_->setImages({frames_.scrub[k]}, 1);
    QString text = tr("α = %1").arg(alpha, 0, 'f', 2);
    if (k < frames_.scrubCritic.size())
        text += tr(" · critic's estimate of α: %1 (ideal %2)")
                    .arg(frames_.scrubCritic[k], 0, 'f', 3)
                    .arg(std::min(alpha, 1 - alpha), 0, 'f', 2);
    alphaLabel_->setText(text);
}

void InterpLab::showStrip() {
    const InterpSnapshot& s = frames_;
    const QString title = QString::fromStdString(aelab::modelTitle(aelab::InterpModel(s.model)));
    QVector<QImage> images = s.strip;
    QStringList labels{title};
    QStringList captions;
    for (int k = 0; k < s.strip.size(); ++k)
        captions << (k < s.stripCritic.size() ? QString::number(s.stripCritic[k], 'f', 2)
                                              : QString());
    auto addRow = [&](const QVector<QImage>& row, const QString& label) {
        if (row.size() != s.strip.size()) return;
        images += row;
        labels << label;
        for (int k = 0; k < row.size(); ++k)
            captions << QString();
    };
    const auto compared = pretrainedModels_.constFind(controls_->compareModel());
    addRow(s.compare, compared == pretrainedModels_.cend()
                          ? s.compareName
                          : s.compareName + " (" + zoo::pretrainedBadge(compared->steps) + ")");
    addRow(s.crossfade, tr("pixel cross-fade"));
    addRow(s.rotation, tr("true rotation"));
    strip_->setImages(images, kStripFrames, labels);
    strip_->setCellCaptions(s.stripCritic.isEmpty() ? QStringList() : captions);
    strip_->setCaption(tr("%1 frames from A to B, end points decoded · %2 interpolation%3")
                           .arg(kStripFrames)
                           .arg(controls_->spherical() ? tr("spherical") : tr("linear"))
                           .arg(s.stripCritic.isEmpty()
                                    ? QString()
                                    : tr(" · under each frame: the critic's estimate of α")));
}

} // namespace aelab
