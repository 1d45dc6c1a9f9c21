// The DVAE lab and the model zoo (docs/model-zoo.md): opening the zoo's
// VAE-family models into the lab's two slots (lesson 3 does), and the badge
// in each model's title that says it was pretrained.
#include "app/labs/dvae/dvae_controls.h"
#include "app/labs/dvae/dvae_lab.h"
#include "app/labs/dvae/dvae_worker.h"
#include "app/labkit/thread_handoff.h"
#include "app/zoo/zoo_catalogue.h"
#include "widgets/loss_chart.h"

#include <QJsonArray>
#include <QJsonObject>

#include <utility>
#include <vector>

namespace aelab {

namespace {
// "pretrained: 300 epochs" from the run's curve, else the zoo's step count.
QString epochsBadge(const zoo::ZooModel& m) {
    if (m.curve.isEmpty()) return zoo::pretrainedBadge(m);
    return QObject::tr("pretrained: %1 epochs")
        .arg(QLocale(QLocale::English)
                 .toString(m.curve.last().toObject()["epoch"].toDouble(), 'f', 0));
}
} // namespace

// The zoo's DVAE-lab models in pairs, one per data set and recipe family:
// the plain model as A, its denoising version as B (mnist-vae, mnist-dvae).
void DvaeLab::offerPretrained() {
    const std::vector<zoo::ZooModel> models = zoo::modelsFor(zoo::readZoo(), zoo::kDvaeLab);
    QList<QPair<QStringList, QString>> pairs;
    for (const zoo::ZooModel& b : models) {
        const auto kind = aelab::parseVaeModel(b.model.toStdString());
        if (!kind || !aelab::isDenoising(*kind)) continue;
        const QString plain = b.model.mid(1); // dvae -> vae, diwae -> iwae
        for (const zoo::ZooModel& a : models)
            if (a.dataset == b.dataset && a.model == plain)
                pairs.append(
                    {{a.name, b.name},
                     tr("%1 against %2 on %3, %4").arg(a.name, b.name, b.dataset, epochsBadge(b))});
    }
    controls_->setPretrainedPairs(pairs);
    connect(controls_, &DvaeControls::pretrainedChosen, this, [this](const QStringList& names) {
        QString error;
        if (!openPretrained(names, &error)) showError(error);
    });
}

bool DvaeLab::openPretrained(const QStringList& names, QString* error) {
    const zoo::Zoo z = zoo::readZoo();
    QStringList files;
    QString dataset;
    for (const QString& name : names) {
        const zoo::ZooModel* m = zoo::findModel(z, name);
        if (!m) {
            *error = tr("The pretrained model %1 is not in the model zoo (%2).").arg(name, z.dir);
            return false;
        }
        if (m->lab != zoo::kDvaeLab) {
            *error = tr("The pretrained model %1 belongs to the %2 lab.").arg(name, m->lab);
            return false;
        }
        if (!dataset.isEmpty() && m->dataset != dataset) {
            *error = tr("The pretrained models %1 were trained on different data.")
                         .arg(names.join(", "));
            return false;
        }
        dataset = m->dataset;
        files << m->file;
    }
    if (files.isEmpty() || files.size() > kDvaeSlots) {
        *error = tr("The DVAE lab opens one or two pretrained models.");
        return false;
    }
    // Shown as they were trained: training pauses (the files carry no Adam
    // moments, and a restart at full rate would blur the picture at once).
    controls_->setTraining(false);
    // The models bring their data: it loads first (the worker keeps order).
    if (!started_ || controls_->dataSpec() != dataset) controls_->chooseData(dataset);
    forgetPretrained();
    handoff::post(worker_, &DvaeWorker::openModels, files, names, openRequest_);
    return true;
}

// The worker opened models: if they answer the lab's latest request, the
// panel shows their settings and the lab their badges and curves.
void DvaeLab::notePretrainedOpened(const aelab::VaeConfig& a, const aelab::VaeConfig& b,
                                   const QStringList& names, int request) {
    if (request != openRequest_) return; // New models or other data came since
    controls_->showConfigs(a, b);
    const zoo::Zoo z = zoo::readZoo();
    for (int s = 0; s < kDvaeSlots; ++s) {
        pretrained_[s] = names.value(s);
        pretrainedEpochs_[s] = -1;
        pendingNll_[s].clear();
        pendingElbo_[s].clear();
        const zoo::ZooModel* m = zoo::findModel(z, pretrained_[s]);
        for (const QJsonValue& p : m ? m->curve : QJsonArray()) {
            const QJsonObject point = p.toObject();
            const double epoch = point["epoch"].toDouble();
            pendingNll_[s].append({epoch, point["test_nll"].toDouble()});
            pendingElbo_[s].append({epoch, point["train_elbo"].toDouble()});
        }
    }
    curvesPending_ = true; // drawn with their snapshot, which follows
}

void DvaeLab::forgetPretrained() {
    ++openRequest_;
    curvesPending_ = false;
    for (int s = 0; s < kDvaeSlots; ++s) {
        pretrained_[s].clear();
        pendingNll_[s].clear();
        pendingElbo_[s].clear();
    }
}

// The opened models' history, on the chart the lab just cleared for them:
// the live figures go on from where these end.
void DvaeLab::drawPretrainedCurves() {
    curvesPending_ = false;
    for (int s = 0; s < kDvaeSlots; ++s) {
        chart_->appendPoints(series_[s][1], std::exchange(pendingNll_[s], {}));
        chart_->appendPoints(series_[s][2], std::exchange(pendingElbo_[s], {}));
    }
}

// " · pretrained: 300 epochs (mnist-vae) + 12.0 live", or nothing for a
// model trained here.
QString DvaeLab::pretrainedBadge(int slot, const DvaeSlotView& v) const {
    if (pretrained_[slot].isEmpty() || pretrainedEpochs_[slot] < 0) return {};
    QString text = tr(" · <b>pretrained: %1 epochs</b> (%2, model zoo)")
                       .arg(QLocale(QLocale::English).toString(pretrainedEpochs_[slot], 'f', 0),
                            pretrained_[slot]);
    if (v.epochs > pretrainedEpochs_[slot] + 0.05)
        text += tr(" + %1 live").arg(v.epochs - pretrainedEpochs_[slot], 0, 'f', 1);
    return text;
}

} // namespace aelab
