#pragma once
// The lines benchmark's two metrics (docs/references.md §4). Frames are line
// images on the [-1, 1] scale, [T, 1, 32, 32] (or anything with 1024 values
// per frame). The reference set is 10,000 lines at angles 2 pi k / 10000.
//   Mean distance: per frame, the cosine distance 1 - <x, r>/(|x| |r|) to the
//     nearest reference line, averaged over frames and sequences.
//   Smoothness: per sequence, each frame's nearest reference angle, unwrapped;
//     max_t |d theta_t| / |theta_T - theta_1| - 1/(T - 1), or 0 when the total
//     change is under 1e-4; averaged over sequences.
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace aelab {

struct LinesScore {
    double meanDistance = 0;
    double smoothness = 0;
    // Sequences whose nearest angle hardly moves (total change under 1e-4):
    // their smoothness counts as 0, which means "no turn", not "perfect".
    int frozen = 0;
    int pairs = 0; // sequences scored
};

// The frames as the user sees them (the strips' PNGs, the lab's images):
// clipped to [-1, 1] and rounded to 256 grey levels. The paper's protocol
// (the authors' lib/eval.py) scores the raw decoder output, which may lie
// outside [-1, 1]; both figures are reported (docs/interpolation-lab.md).
torch::Tensor asDrawn(const torch::Tensor& frames);

class LinesBenchmark {
  public:
    explicit LinesBenchmark(int referenceCount = 10000);

    struct Nearest {
        std::vector<double> angle;    // radians in [0, 2 pi), one per frame
        std::vector<double> distance; // cosine distance, one per frame
    };
    Nearest nearest(const torch::Tensor& frames) const;
    // sequences: [S, T, 1, 32, 32] on the [-1, 1] scale, scored as they are
    // (the paper's protocol).
    LinesScore score(const torch::Tensor& sequences) const;
    // The same sequences as drawn: score(asDrawn(sequences)).
    LinesScore scoreAsDrawn(const torch::Tensor& sequences) const;
    int referenceCount() const { return int(reference_.size(0)); }

  private:
    torch::Tensor reference_; // [R, 1024] float64, unit rows (80 MB for 10,000)
};

// Smoothness of one sequence of angles (radians), as defined above.
double smoothness(const std::vector<double>& angles);
// Whether the sequence turns at all (a total change of 1e-4 or more).
bool turns(const std::vector<double>& angles);

// The protocol's pairs: 2 x pairs test angles ~ U(0, 2 pi) from a fixed
// seed of their own (independent of any training seed); pair i is
// (angles[i], angles[pairs + i]).
std::vector<double> benchmarkAngles(int pairs = 256);
// count angles ~ U(0, 2 pi) from a seed (benchmarkAngles uses 0xacaf).
std::vector<double> uniformAngles(std::uint64_t seed, int count);

// The pixel cross-fade from line a to line b in `frames` frames, [T, 1, 32, 32].
torch::Tensor crossfade(const torch::Tensor& a, const torch::Tensor& b, int frames);

// The true shortest-path rotation from angle a to angle b, `frames` lines.
std::vector<double> rotationAngles(double a, double b, int frames);

} // namespace aelab
