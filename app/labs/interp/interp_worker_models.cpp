// The interpolation lab's worker, its models as wholes: model files, the
// models of a session, and going back to a run's best model.
#include "app/labs/interp/interp_worker_state.h"

namespace aelab {

void InterpWorker::saveModel(const QString& path) {
    auto* t = d->trainer();
    if (!t) return;
    try {
        t->save(path.toStdString(), d->spec.toStdString());
        emit saved(path);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

void InterpWorker::loadModel(const QString& path) {
    ensureTimer();
    try {
        const aelab::InterpCheckpointInfo info = aelab::InterpTrainer::readInfo(path.toStdString());
        if (!d->loaded || d->spec.toStdString() != info.dataset)
            loadData(QString::fromStdString(info.dataset));
        if (!d->loaded) return;
        auto t = aelab::InterpTrainer::load(path.toStdString(), d->data.train);
        d->config = t->config();
        d->active = int(d->config.model);
        d->trainers[size_t(d->active)] = std::move(t);
        d->best.forget(d->active);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
        return; // what was there stays
    }
    d->restartCharts();
    emit modelLoaded(d->config);
    publish(true);
}

QVariantMap InterpWorker::checkpoints() {
    QVariantMap out;
    for (aelab::InterpModel m : aelab::allInterpModels())
        if (const auto& t = d->trainers[size_t(m)])
            out.insert(QString::fromStdString(aelab::modelName(m)),
                       QByteArray::fromStdString(t->saveBytes(d->spec.toStdString())));
    return out;
}

void InterpWorker::restoreCheckpoints(const QVariantMap& parts) {
    ensureTimer();
    for (auto it = parts.begin(); it != parts.end(); ++it) {
        try {
            const auto model = aelab::parseInterpModel(it.key().toStdString());
            if (!model) throw std::runtime_error("unknown model " + it.key().toStdString());
            if (!d->loaded) throw std::runtime_error("its data did not load");
            auto t = aelab::InterpTrainer::loadBytes(it.value().toByteArray().toStdString(),
                                                     d->data.train, "in the session");
            if (int(*model) == d->active) d->config = t->config();
            d->trainers[size_t(*model)] = std::move(t);
            d->best.forget(int(*model));
        } catch (const std::exception& e) {
            emit failed(tr("The session's %1 model was not restored: %2").arg(it.key(), e.what()));
        }
    }
    d->restartCharts();
    publish(true);
}

void InterpWorker::setBestEvery(long long steps) {
    d->best.setEvery(steps);
}

// The GUI pauses training first; restoredBest says where the model went.
void InterpWorker::restoreBest() {
    auto* now = d->trainer();
    const KeptBest kept = d->best.summary(d->active, now ? now->step() : 0);
    if (!kept.any || !now || now->step() == kept.bestStep) return;
    try {
        auto t = aelab::InterpTrainer::loadBytes(d->best.bestArchive(d->active), d->data.train,
                                                 "the best model of this run");
        t->setLive(d->config); // the panel's settings (a lower learning rate) apply from here
        d->trainers[size_t(d->active)] = std::move(t);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    d->training = false;
    d->restartCharts();
    emit restoredBest(kept.bestStep, kept.bestFigure);
    publish(true);
}

} // namespace aelab
