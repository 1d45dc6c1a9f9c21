// The interpolation lab and the model zoo (docs/model-zoo.md): the zoo's
// models in the controls' "Pretrained model" menu, opening them (lessons do
// too), and the badge that says the active model was pretrained.
#include "app/labs/interp/interp_lab.h"
#include "app/labs/interp/interp_controls.h"
#include "app/labs/interp/interp_worker.h"
#include "app/labkit/thread_handoff.h"
#include "app/zoo/zoo_catalogue.h"

#include <QLabel>

namespace aelab {

void InterpLab::offerPretrained() {
    QList<QPair<QString, QString>> entries;
    for (const zoo::ZooModel& m : zoo::modelsFor(zoo::readZoo(), zoo::kInterpolationLab)) {
        const auto model = aelab::parseInterpModel(m.model.toStdString());
        if (!model) continue;
        entries.append({m.name, tr("%1: %2 on %3, %4")
                                    .arg(m.name, QString::fromStdString(aelab::modelTitle(*model)),
                                         m.dataset, zoo::pretrainedBadge(m))});
    }
    controls_->setPretrainedModels(entries);
    connect(controls_, &InterpControls::pretrainedChosen, this, [this](const QString& name) {
        QString error;
        if (!openPretrained({name}, &error)) showError(error);
    });
}

bool InterpLab::openPretrained(const QStringList& names, QString* error) {
    const zoo::Zoo z = zoo::readZoo();
    std::vector<const zoo::ZooModel*> models;
    for (const QString& name : names) {
        const zoo::ZooModel* m = zoo::findModel(z, name);
        if (!m || m->lab != zoo::kInterpolationLab ||
            !aelab::parseInterpModel(m->model.toStdString())) {
            *error = tr("The pretrained model %1 is not in the model zoo (%2).").arg(name, z.dir);
            return false;
        }
        models.push_back(m);
    }
    started_ = true; // the model brings its data
    for (const zoo::ZooModel* m : models) {
        pendingPretrained_.append({m->name, m->steps});
        handoff::post(worker_, &InterpWorker::loadModel, m->file);
    }
    if (models.size() >= 2) {
        const int compare =
            int(*aelab::parseInterpModel(models[models.size() - 2]->model.toStdString()));
        controls_->chooseCompare(compare);
        handoff::post(worker_, &InterpWorker::setCompare, compare);
    }
    return true;
}

// A model arrived from a file: a zoo model the lab asked for, or the user's.
void InterpLab::notePretrainedLoaded(int model) {
    if (pendingPretrained_.isEmpty()) {
        pretrainedModels_.remove(model);
        return;
    }
    pretrainedModels_[model] = pendingPretrained_.takeFirst();
}

void InterpLab::showPretrainedBadge(const InterpSnapshot& s) {
    const auto it = pretrainedModels_.constFind(s.model);
    pretrained_->setVisible(it != pretrainedModels_.cend());
    if (it == pretrainedModels_.cend()) return;
    QString text = "<b>" + zoo::pretrainedBadge(it->steps) + "</b>";
    if (s.step > it->steps) text += tr(" + %1 live").arg(zoo::stepCount(s.step - it->steps));
    pretrained_->setText(text + " · " + it->name + tr(" from the model zoo"));
}

} // namespace aelab
