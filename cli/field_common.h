#pragma once
// What the verbs built on the field lab's model (field, chain) share: their
// options, and training with a divergence check.
#include "core/field/field_trainer.h"
#include "cli/args.h"

#include <QString>

#include <memory>
#include <optional>

namespace aelab::cli {

// The training half of a field or chain request.
struct FieldTraining {
    aelab::FieldConfig config;
    long long steps = 0;                  // with --model, 0 unless the steps option was given
    int threads = 1;                      // LibTorch threads
    std::optional<QString> modelFile;     // --model: start from this file, not a new model
    std::optional<QString> saveModelFile; // --save-model
};

// The defaults shown and used are those of `defaults` (a verb may tune them).
void addFieldOptions(CliArgs& a, const aelab::FieldConfig& defaults = aelab::FieldConfig());
// Reads the shared options, then the verb's steps option `stepsOption`;
// false (with a.error() set) on a bad value.
bool readFieldTraining(CliArgs& a, const QString& stepsOption, FieldTraining& t);

struct TrainedField {
    std::unique_ptr<aelab::FieldTrainer> trainer;
    double lastLoss = 0;
    double seconds = 0; // training time only
};
// Builds the model from the config, or loads the model file; trains the
// steps; saves to the save file if given. Nothing, or why it stopped.
std::optional<VerbError> trainField(const FieldTraining& t, TrainedField& result);

} // namespace aelab::cli
