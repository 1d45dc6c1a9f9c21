#pragma once
// What the verbs built on the field lab's model share: their options, the
// output folder, and training with a divergence check.
#include "field_trainer.h"

#include <QDir>
#include <memory>

class CliArgs;

void addFieldOptions(CliArgs& a);
bool readFieldOptions(CliArgs& a, aelab::FieldConfig& c);

// Each returns 0 on success, or prints the one-line error and returns the exit code.
int openOutputDir(CliArgs& a, QDir& out);
struct TrainedField {
    std::unique_ptr<aelab::FieldTrainer> trainer;
    double lastLoss = 0;
    double seconds = 0;  // training time only
};
int trainField(CliArgs& a, const aelab::FieldConfig& config, long long steps, TrainedField& result);
