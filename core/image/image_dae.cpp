#include "core/image/image_dae.h"
#include "core/nets/weight_init.h"

#include "core/nets/conv_blocks.h"

#include <torch/nn/modules/linear.h>

namespace aelab {

namespace nn = torch::nn;

using blocks::conv3;
using blocks::lrelu;
using blocks::upsample2;

std::string checkShape(const ImageDaeShape& s) {
    if (s.channels < 1 || s.height < 4 || s.width < 4 || s.base < 2)
        return "image size or width too small";
    if (s.arch == ImageArch::Conv && (s.height % 4 || s.width % 4))
        return "the convolutional net needs a height and width divisible by 4";
    return {};
}

ImageDaeImpl::ImageDaeImpl(const ImageDaeShape& shape) : shape_(shape) {
    const int c = shape.channels, b = shape.base;
    if (shape.arch == ImageArch::Conv) {
        // Two scales down to H/4 x W/4 with 2b channels, a dense code of 4b
        // numbers, then back up. Without the dense code every output pixel
        // sees only a patch, and chains from noise settle on blobs that are
        // locally plausible strokes; the code makes r see the whole image.
        const int h4 = shape.height / 4, w4 = shape.width / 4, flat = 2 * b * h4 * w4;
        encoder_ = nn::Sequential(conv3(c, b), lrelu(), nn::AvgPool2d(2), conv3(b, 2 * b), lrelu(),
                                  nn::AvgPool2d(2), conv3(2 * b, 2 * b), lrelu(), nn::Flatten(),
                                  nn::Linear(flat, 4 * b), lrelu());
        decoder_ = nn::Sequential(
            nn::Linear(4 * b, flat), lrelu(),
            nn::Unflatten(nn::UnflattenOptions(1, std::vector<int64_t>{2 * b, h4, w4})),
            upsample2(), conv3(2 * b, b), lrelu(), upsample2(), conv3(b, b), lrelu(), conv3(b, c));
    } else {
        const int d = c * shape.height * shape.width;
        encoder_ =
            nn::Sequential(nn::Flatten(), nn::Linear(d, b), lrelu(), nn::Linear(b, b / 2), lrelu());
        decoder_ = nn::Sequential(nn::Linear(b / 2, b), lrelu(), nn::Linear(b, d));
    }
    register_module("encoder", encoder_);
    register_module("decoder", decoder_);
}

torch::Tensor ImageDaeImpl::logits(const torch::Tensor& x) {
    auto y = decoder_->forward(encoder_->forward(x));
    return y.view({x.size(0), shape_.channels, shape_.height, shape_.width});
}

void ImageDaeImpl::initialise(at::Generator& gen) {
    heUniformInit(*this, gen);
}

int64_t ImageDaeImpl::parameterCount() const {
    return aelab::parameterCount(*this);
}

} // namespace aelab
