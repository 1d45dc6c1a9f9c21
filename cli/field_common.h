#pragma once
// What the verbs built on the field lab's model share: their options and
// training with a divergence check.
#include "core/field/field_trainer.h"

#include <QDir>
#include <memory>

namespace aelab::cli {

class CliArgs;

void addFieldOptions(CliArgs& a);
bool readFieldOptions(CliArgs& a, aelab::FieldConfig& c);

struct TrainedField {
    std::unique_ptr<aelab::FieldTrainer> trainer;
    double lastLoss = 0;
    double seconds = 0; // training time only
};
// Builds the model from config, or loads --model FILE; trains `steps`
// steps; saves to --save-model FILE if given. Returns 0 on success, or
// prints the one-line error and returns the exit code.
int trainField(CliArgs& a, const aelab::FieldConfig& config, long long steps, TrainedField& result);
// With --model, training continues only if the steps option was given.
long long trainingSteps(CliArgs& a, const QString& option, long long value);

} // namespace aelab::cli
