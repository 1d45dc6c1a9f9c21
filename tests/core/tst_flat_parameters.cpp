// One buffer behind a network's parameters (core/flat_parameters): the
// parameters alias it, gradients land in one buffer, Adam over the buffer
// moves the weights exactly as Adam over the separate tensors does, and its
// state saves and loads in the per-tensor format, bit for bit.
#include "core/training/flat_parameters.h"
#include "core/training/torch_threads.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/activation.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {
torch::nn::Sequential net() {
    torch::manual_seed(7); // both copies start from the same weights
    return torch::nn::Sequential(torch::nn::Linear(3, 5), torch::nn::Tanh(),
                                 torch::nn::Linear(5, 2));
}

// n Adam steps of a squared error on fixed inputs.
void train(torch::nn::Sequential& m, torch::optim::Adam& adam, int n) {
    const auto x = torch::linspace(-1, 1, 24).view({8, 3});
    const auto y = torch::cos(torch::linspace(0, 3, 16)).view({8, 2});
    for (int i = 0; i < n; ++i) {
        adam.zero_grad();
        (m->forward(x) - y).pow(2).mean().backward();
        adam.step();
    }
}

// Adam over a flat buffer, as saveFlatAdam writes it, in bytes.
std::string savedState(torch::optim::Adam& adam, const std::vector<torch::Tensor>& params) {
    torch::serialize::OutputArchive out;
    saveFlatAdam(adam, params, out);
    std::ostringstream bytes;
    out.save_to(bytes);
    return bytes.str();
}

// An archive to read those bytes back from (it keeps its own stream).
std::unique_ptr<torch::serialize::InputArchive> archiveOf(const std::string& bytes) {
    auto in = std::make_unique<torch::serialize::InputArchive>();
    std::istringstream read(bytes);
    in->load_from(read);
    return in;
}

bool sameWeights(torch::nn::Sequential& a, torch::nn::Sequential& b) {
    auto pa = a->parameters(), pb = b->parameters();
    for (size_t i = 0; i < pa.size(); ++i)
        if (!torch::equal(pa[i], pb[i])) return false;
    return true;
}
} // namespace

class TestFlatParameters : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { setTorchThreads(1); }

    void parametersAliasTheBuffer() {
        auto m = net();
        const auto before = m->parameters()[2].clone();
        const torch::Tensor flat = flattenParameters(m->parameters(), true);
        QCOMPARE(flat.numel(), int64_t(3 * 5 + 5 + 5 * 2 + 2));
        QVERIFY(torch::equal(m->parameters()[2], before)); // values kept
        {
            torch::NoGradGuard noGrad;
            flat.fill_(0.25);
        }
        QVERIFY(torch::equal(m->parameters()[2], torch::full({2, 5}, 0.25)));
        // Gradients land in the buffer's gradient.
        m->forward(torch::ones({1, 3})).sum().backward();
        QCOMPARE(flat.grad().numel(), flat.numel());
        QCOMPARE(flat.grad().slice(0, 20, 30).sum().item<double>(),
                 m->parameters()[2].grad().sum().item<double>());
        QVERIFY(flat.grad().abs().sum().item<double>() > 0);
    }
    void adamOverTheBufferMatchesAdamPerTensor() {
        auto a = net(), b = net();
        QVERIFY(sameWeights(a, b));
        torch::optim::Adam perTensor(a->parameters(), torch::optim::AdamOptions(0.05));
        torch::optim::Adam flat({flattenParameters(b->parameters(), true)},
                                torch::optim::AdamOptions(0.05));
        train(a, perTensor, 15);
        train(b, flat, 15);
        QVERIFY(sameWeights(a, b));
        QVERIFY(!torch::equal(a->parameters()[0], net()->parameters()[0])); // it moved
    }
    void stateSavesAndLoadsBitForBit() {
        auto a = net(), b = net();
        torch::optim::Adam adamA({flattenParameters(a->parameters(), true)},
                                 torch::optim::AdamOptions(0.05));
        train(a, adamA, 10);
        const std::string bytes = savedState(adamA, a->parameters());

        // b: the same weights, a fresh flat Adam that loads a's moments.
        torch::optim::Adam adamB({flattenParameters(b->parameters(), true)},
                                 torch::optim::AdamOptions(0.05));
        {
            torch::NoGradGuard noGrad;
            for (size_t i = 0; i < a->parameters().size(); ++i)
                b->parameters()[i].copy_(a->parameters()[i]);
        }
        loadFlatAdam(adamB, b->parameters(), *archiveOf(bytes));
        train(a, adamA, 10);
        train(b, adamB, 10);
        QVERIFY(sameWeights(a, b)); // fresh moments would have taken another path

        // The file is Adam's per-tensor format: a per-tensor Adam reads it.
        auto c = net();
        torch::optim::Adam perTensor(c->parameters(), torch::optim::AdamOptions(0.05));
        perTensor.load(*archiveOf(bytes));
        QCOMPARE(perTensor.state().size(), size_t(4));
    }
    void stateOfAnotherShapeIsRefused() {
        auto a = net();
        torch::optim::Adam adamA({flattenParameters(a->parameters(), true)},
                                 torch::optim::AdamOptions(0.05));
        train(a, adamA, 2);
        const std::string bytes = savedState(adamA, a->parameters());
        auto other = torch::nn::Sequential(torch::nn::Linear(3, 6), torch::nn::Linear(6, 2));
        torch::optim::Adam adamO({flattenParameters(other->parameters(), true)},
                                 torch::optim::AdamOptions(0.05));
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 loadFlatAdam(adamO, other->parameters(), *archiveOf(bytes)));
    }
};

QTEST_GUILESS_MAIN(TestFlatParameters)
#include "tst_flat_parameters.moc"
