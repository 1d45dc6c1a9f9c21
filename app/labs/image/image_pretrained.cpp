// The image lab and the model zoo (docs/model-zoo.md): the zoo's image DAEs
// in the panel's "Pretrained model" menu, opening one, and the badge beside
// the data's description that says the model was pretrained.
#include "app/labs/image/image_controls.h"
#include "app/labs/image/image_lab.h"
#include "app/labs/image/image_worker.h"
#include "app/labkit/thread_handoff.h"
#include "app/zoo/zoo_catalogue.h"

#include <QLabel>

namespace aelab {

void ImageLab::offerPretrained() {
    QList<QPair<QString, QString>> entries;
    for (const zoo::ZooModel& m : zoo::modelsFor(zoo::readZoo(), zoo::kImageLab))
        entries.append(
            {m.name, tr("%1: DAE on %2, %3").arg(m.name, m.dataset, zoo::pretrainedBadge(m))});
    controls_->setPretrainedModels(entries);
    connect(controls_, &ImageControls::pretrainedChosen, this, [this](const QString& name) {
        QString error;
        if (!openPretrained({name}, &error)) showError(error);
    });
}

bool ImageLab::openPretrained(const QStringList& names, QString* error) {
    const zoo::Zoo z = zoo::readZoo();
    const zoo::ZooModel* m = names.size() == 1 ? zoo::findModel(z, names.front()) : nullptr;
    if (!m) {
        *error = tr("The pretrained model %1 is not in the model zoo (%2).")
                     .arg(names.join(", "), z.dir);
        return false;
    }
    if (m->lab != zoo::kImageLab) {
        *error = tr("The pretrained model %1 belongs to the %2 lab.").arg(m->name, m->lab);
        return false;
    }
    // Shown as it was trained: training pauses (the file carries no Adam
    // moments).
    controls_->setTraining(false);
    // The model brings its data: it loads first (the worker keeps order).
    if (!started_ || controls_->dataSpec() != m->dataset) controls_->chooseData(m->dataset);
    forgetPretrained();
    handoff::post(worker_, &ImageWorker::openModel, m->file, m->name, openRequest_);
    return true;
}

void ImageLab::forgetPretrained() {
    ++openRequest_;
    pretrained_.clear();
    showStatus();
}

// "mnist: 7996 training ... · pretrained: 20,000 steps + 120 live (mnist-dae,
// model zoo)", or the description alone for a model trained here.
void ImageLab::showStatus() {
    if (pretrained_.isEmpty() || pretrainedSteps_ < 0) {
        status_->setTextFormat(Qt::PlainText); // a folder's name shows as it is
        status_->setText(description_);
        return;
    }
    QString text =
        description_.toHtmlEscaped() + " · <b>" + zoo::pretrainedBadge(pretrainedSteps_) + "</b>";
    if (last_.step > pretrainedSteps_)
        text += tr(" + %1 live").arg(zoo::stepCount(last_.step - pretrainedSteps_));
    status_->setTextFormat(Qt::RichText);
    status_->setText(text + tr(" (%1, model zoo)").arg(pretrained_));
}

} // namespace aelab
