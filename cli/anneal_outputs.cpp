// The anneal verb's files: chain.gif and chain.mp4 closed, fields.png,
// metrics.json, chain.csv, and the summary line.
#include <torch/types.h>

#include "cli/anneal_verb.h"
#include "cli/output.h"
#include "cli/run_folder.h"
#include "app/labs/field/field_snapshot.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace aelab::cli {

namespace {

QString sigmaText(double sigma) {
    return QString::number(sigma, 'g', 4);
}

QJsonObject annealMetrics(const AnnealRequest& r, const AnnealOutputs& o) {
    QJsonArray distances;
    for (const double d : o.distances)
        distances.append(d);
    QJsonObject fits;
    for (const aelab::SigmaFit& f : o.fits)
        fits.insert(sigmaText(f.sigma), f.r2);
    const aelab::FieldConfig& c = r.training.config;
    QJsonObject m{
        {"distance_metric", "energy distance (Szekely & Rizzo), data units"},
        {"distance_start", o.distances.front()},
        {"distance_end", o.distances.back()},
        {"distances", distances},
        {"yardstick", o.yardstick},
        {"end_over_yardstick", o.distances.back() / o.yardstick},
        {"fit_r2_by_sigma", fits},
        {"train_steps", double(r.training.steps)},
        {"train_seconds", o.trainSeconds},
        {"steps_per_second", o.trainSeconds > 0 ? double(r.training.steps) / o.trainSeconds : 0},
        {"sample_seconds", o.sampleSeconds},
        {"video_seconds", o.videoSeconds},
        {"sampler", QString::fromLatin1(aelab::annealKindName(r.sampler))},
        {"denoiser", r.denoiser},
        {"sigma_min", c.sigmaMin},
        {"sigma_max", c.sigmaMax},
        {"levels", c.levels},
        {"steps_per_level", double(r.stepsPerLevel)},
        {"step_ratio", r.stepRatio},
        {"particles", double(r.particles)},
        {"video_frames", double(o.distances.size())},
        {"fps", r.fps}};
    if (o.modeShare) {
        m.insert("first_mode_share", *o.modeShare);
        m.insert("data_first_mode_share", *o.dataModeShare);
    }
    return m;
}

// step,level,sigma,particle,x,y at the start, the end of every level and the end.
QString annealCsv(const std::vector<AnnealSnapshot>& snapshots) {
    QString csv = "step,level,sigma,particle,x,y\n";
    for (const AnnealSnapshot& s : snapshots) {
        const float* v = s.particles.data_ptr<float>();
        const QString head =
            QStringLiteral("%1,%2,%3,").arg(s.step).arg(s.level).arg(s.sigma, 0, 'g', 6);
        for (int64_t i = 0; i < s.particles.size(0); ++i)
            csv += head + QStringLiteral("%1,%2,%3\n")
                              .arg(i)
                              .arg(v[2 * i], 0, 'g', 7)
                              .arg(v[2 * i + 1], 0, 'g', 7);
    }
    return csv;
}

} // namespace

bool writeAnnealOutputs(const AnnealRequest& r, const AnnealOutputs& o, ChainVideo& video,
                        QString* error) {
    if (!video.finish(error) ||
        !writePng(renderFieldMultiples(o.panels, 640), r.out.filePath("fields.png"), error) ||
        !writeJson(r.out.filePath("metrics.json"), annealMetrics(r, o), error) ||
        !writeText(r.out.filePath("chain.csv"), annealCsv(o.snapshots), error))
        return false;
    QTextStream(stdout) << "anneal (" << aelab::annealKindName(r.sampler) << "): energy distance "
                        << o.distances.front() << " -> " << o.distances.back() << " (yardstick "
                        << o.yardstick << ") over " << o.distances.size() - 1 << " steps -> "
                        << shownPath(r.out.path()) << "\n";
    return true;
}

} // namespace aelab::cli
