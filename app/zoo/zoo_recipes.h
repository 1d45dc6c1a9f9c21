#pragma once
// The zoo's recipes: the exact command behind every shipped model. `make
// models` (aelab zoo build) reruns them from scratch; docs/model-zoo.md has
// the sweep that chose their settings.
#include <QString>
#include <QStringList>

#include <vector>

namespace aelab::zoo {

struct ZooRecipe {
    QString name;     // "lines-acai": the model file and sidecar are named so
    QString dataset;  // "lines"
    QString model;    // "acai"
    QString lab;      // the lab it opens in: zoo_catalogue.h's kInterpolationLab, ...
    QStringList args; // after "aelab", without --save and --out
};

std::vector<ZooRecipe> zooRecipes();
const ZooRecipe* findRecipe(const QString& name);
// "aelab interpolate --dataset lines ...", the recipe as one command line.
QString recipeCommand(const ZooRecipe& r);

} // namespace aelab::zoo
