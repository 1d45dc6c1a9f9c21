// The DVAE lab and the model zoo (docs/model-zoo.md): opening the zoo's
// VAE-family models into the lab's two slots (lesson 3 does), and the badge
// in each model's title that says it was pretrained.
#include "app/labs/dvae/dvae_controls.h"
#include "app/labs/dvae/dvae_lab.h"
#include "app/labs/dvae/dvae_worker.h"
#include "app/labkit/thread_handoff.h"
#include "app/zoo/zoo_catalogue.h"

namespace aelab {

bool DvaeLab::openPretrained(const QStringList& names, QString* error) {
    const zoo::Zoo z = zoo::readZoo();
    QStringList files;
    QString dataset;
    for (const QString& name : names) {
        const zoo::ZooModel* m = zoo::findModel(z, name);
        if (!m || m->lab != zoo::kDvaeLab) {
            *error = tr("The pretrained model %1 is not in the model zoo (%2).").arg(name, z.dir);
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
    // The models bring their data: it loads first (the worker keeps order).
    if (!started_ || controls_->dataSpec() != dataset)
        controls_->chooseData(dataset); // loads it through dataChosen
    forgetPretrained();
    pendingPretrained_ = names;
    handoff::post(worker_, &DvaeWorker::openModels, files);
    return true;
}

void DvaeLab::forgetPretrained() {
    pendingPretrained_.clear();
    for (int s = 0; s < kDvaeSlots; ++s)
        pretrained_[s].clear();
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
