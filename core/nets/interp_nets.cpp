#include "core/nets/interp_nets.h"
#include "core/nets/conv_blocks.h"

namespace aelab {

using blocks::conv3;
using blocks::lrelu;

ConvEncoderImpl::ConvEncoderImpl(const ConvNetShape& s) {
    int in = s.channels;
    for (int i = 0; i < s.scales; ++i) {
        const int width = s.depth << i;
        net_->push_back(conv3(in, width));
        net_->push_back(lrelu());
        net_->push_back(conv3(width, width));
        net_->push_back(lrelu());
        net_->push_back(blocks::pool2());
        in = width;
    }
    net_->push_back(conv3(in, s.latent));
    register_module("net", net_);
}

ConvDecoderImpl::ConvDecoderImpl(const ConvNetShape& s) {
    int in = s.latent;
    for (int i = s.scales - 1; i >= 0; --i) {
        const int width = s.depth << i;
        net_->push_back(conv3(in, width));
        net_->push_back(lrelu());
        net_->push_back(conv3(width, width));
        net_->push_back(lrelu());
        net_->push_back(blocks::upsample2());
        in = width;
    }
    // One more convolution at full size, then a linear one to the image.
    net_->push_back(conv3(in, s.depth));
    net_->push_back(lrelu());
    net_->push_back(conv3(s.depth, s.channels));
    register_module("net", net_);
}

CriticImpl::CriticImpl(const ConvNetShape& s) : encoder_(s) {
    register_module("encoder", encoder_);
}

torch::Tensor CriticImpl::forward(const torch::Tensor& x) {
    return encoder_->forward(x).flatten(1).mean(1);
}

} // namespace aelab
