#include "app/zoo/zoo_recipes.h"

#include <algorithm>

namespace aelab::zoo {

namespace {
// Every lines model: the paper's latent shape (2 x 2 x 16 = 64 numbers, 4
// scales) at depth 8, batch 64, learning rate 2e-4, 30,000 steps, and the
// best model by the validation pairs, scored every 1,000 steps. The sweep
// behind these numbers is in docs/model-zoo.md.
QStringList linesRecipe(const QString& model) {
    return {"interpolate", "--dataset", "lines",    "--model",     model,     "--depth", "8",
            "--scales",    "4",         "--latent", "16",          "--batch", "64",      "--lr",
            "0.0002",      "--steps",   "30000",    "--keep-best", "1000",    "--seed",  "1"};
}
} // namespace

std::vector<ZooRecipe> zooRecipes() {
    std::vector<ZooRecipe> recipes;
    for (const QString model : {"acai", "plain", "denoising", "vae"})
        recipes.push_back({"lines-" + model, "lines", model, linesRecipe(model)});
    return recipes;
}

const ZooRecipe* findRecipe(const QString& name) {
    static const std::vector<ZooRecipe> recipes = zooRecipes();
    const auto it = std::find_if(recipes.begin(), recipes.end(),
                                 [&](const ZooRecipe& r) { return r.name == name; });
    return it == recipes.end() ? nullptr : &*it;
}

QString recipeCommand(const ZooRecipe& r) {
    return "aelab " + r.args.join(' ');
}

} // namespace aelab::zoo
