#pragma once
// The field trainer's current r(x) as a tensor function (averaged weights, in
// data coordinates), for samplers that run inside core. Kept out of
// field_trainer.h so the app's headers stay free of Torch.
#include "core/sampling/chain_sampler.h"
#include "core/field/field_trainer.h"

namespace aelab {
// The returned function refers to trainer, which must outlive it.
Denoiser fieldDenoiser(FieldTrainer& trainer);
} // namespace aelab
