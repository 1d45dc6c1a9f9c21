#!/usr/bin/env python3
"""The PyTorch peer of `aelab bench --peer`.

What a user would write in Python for the same two workloads, on the same
LibTorch (Debian's python3-torch): the field lab's training loop (2D MLP
denoising autoencoder, width 128, depth 2, ReLU, batch 256, Gaussian noise
sigma 0.1, Adam lr 1e-3, squared error, Polyak average of the weights) and
one ACAI step on the lines benchmark (docs/references.md section 4: conv encoder
and decoder of depth 8 over 4 scales, latent 2x2x16, critic = encoder averaged
to one number, two Adams, batch 64).

aelab writes the training data (data.f32: the 2D points; lines.f32: line
images in [-1, 1]) and reads one JSON object from stdout.
Usage: peer_pytorch.py --data DIR [--threads N] [--seconds S] [--repeats R]
"""
import argparse
import json
import os
import platform
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def field_model(width=128, depth=2):
    layers, inp = [], 2
    for _ in range(depth):
        layers += [nn.Linear(inp, width), nn.ReLU()]
        inp = width
    layers.append(nn.Linear(inp, 2))
    return nn.Sequential(*layers)


def field_loop(points, seconds, gen):
    """Steps per second of the field lab's loop, timed over `seconds`."""
    model = field_model()
    average = field_model()
    average.load_state_dict(model.state_dict())
    params, avg = list(model.parameters()), list(average.parameters())
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    n, step = points.shape[0], 0

    def one_step():
        nonlocal step
        opt.zero_grad()
        idx = torch.randint(0, n, (256,), generator=gen)
        x = points.index_select(0, idx)
        noisy = x + 0.1 * torch.randn(x.shape, generator=gen)
        loss = F.mse_loss(model(noisy), x)
        value = loss.item()  # the lab checks every loss for NaN
        loss.backward()
        opt.step()
        step += 1
        decay = min(0.99, (1.0 + step) / (10.0 + step))
        with torch.no_grad():
            for a, p in zip(avg, params):
                a.lerp_(p, 1 - decay)
        return value

    return timed(one_step, seconds)


def conv3(i, o):
    return nn.Conv2d(i, o, 3, padding=1)


def encoder(ch=1, depth=8, scales=4, latent=16):
    layers, inp = [], ch
    for i in range(scales):
        w = depth << i
        layers += [conv3(inp, w), nn.LeakyReLU(0.2), conv3(w, w), nn.LeakyReLU(0.2), nn.AvgPool2d(2)]
        inp = w
    layers.append(conv3(inp, latent))
    return nn.Sequential(*layers)


def decoder(ch=1, depth=8, scales=4, latent=16):
    layers, inp = [], latent
    for i in reversed(range(scales)):
        w = depth << i
        layers += [conv3(inp, w), nn.LeakyReLU(0.2), conv3(w, w), nn.LeakyReLU(0.2),
                   nn.Upsample(scale_factor=2, mode="nearest")]
        inp = w
    layers += [conv3(inp, depth), nn.LeakyReLU(0.2), conv3(depth, ch)]
    return nn.Sequential(*layers)


def acai_loop(lines, seconds, gen, lam=0.5, gamma=0.2, batch=64):
    """Steps per second of ACAI training on lines (docs/references.md section 4)."""
    enc, dec, critic_enc = encoder(), decoder(), encoder()
    critic = lambda x: critic_enc(x).flatten(1).mean(1)
    ae_opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), lr=5e-4)
    critic_opt = torch.optim.Adam(critic_enc.parameters(), lr=5e-4)
    n = lines.shape[0]

    def one_step():
        idx = torch.randint(0, n, (batch,), generator=gen)
        x = lines.index_select(0, idx)
        z = enc(x)
        xhat = dec(z)
        alpha = 0.5 * torch.rand((batch,), generator=gen)
        a = alpha.view(-1, 1, 1, 1)
        xmix = dec(a * z + (1 - a) * z.flip(0))
        critic_loss = (critic(xmix.detach()) - alpha).pow(2).mean() + \
            critic(gamma * x + (1 - gamma) * xhat.detach()).pow(2).mean()
        critic_opt.zero_grad()
        critic_loss.backward()
        critic_opt.step()
        critic_loss.item()
        loss = (x - xhat).pow(2).mean() + lam * critic(xmix).pow(2).mean()
        value = loss.item()
        ae_opt.zero_grad()
        loss.backward()
        ae_opt.step()
        return value

    return timed(one_step, seconds)


def timed(step, seconds):
    # Warm-up as long as aelab's (0.5 s): first calls allocate and pick kernels.
    start = time.perf_counter()
    while time.perf_counter() - start < 0.5:
        step()
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
        done += 1
    return done / (time.perf_counter() - start)


def median(values):
    s = sorted(values)
    m = len(s) // 2
    return s[m] if len(s) % 2 else 0.5 * (s[m - 1] + s[m])


def blas_kernel():
    """The OpenBLAS kernel torch's BLAS runs ("" if not OpenBLAS)."""
    try:
        import ctypes
        lib = ctypes.CDLL("libblas.so.3")
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return lib.openblas_get_corename().decode()
    except (OSError, AttributeError):
        return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    gen = torch.Generator().manual_seed(1)
    points = torch.from_file(os.path.join(args.data, "data.f32"), size=os.path.getsize(
        os.path.join(args.data, "data.f32")) // 4, dtype=torch.float32).view(-1, 2)
    lines_path = os.path.join(args.data, "lines.f32")
    lines = torch.from_file(lines_path, size=os.path.getsize(lines_path) // 4,
                            dtype=torch.float32).view(-1, 1, 32, 32)
    train = [field_loop(points, args.seconds, gen) for _ in range(args.repeats)]
    acai = [acai_loop(lines, args.seconds, gen) for _ in range(args.repeats)]
    json.dump({
        "peer_train_steps_per_second": median(train),
        "peer_acai_steps_per_second": median(acai),
        "peer_train_runs": train,
        "peer_acai_runs": acai,
        "peer_threads": torch.get_num_threads(),
        "peer_torch_version": torch.__version__,
        "peer_python_version": platform.python_version(),
        "peer_blas_kernel": blas_kernel(),
    }, sys.stdout)
    print()


if __name__ == "__main__":
    main()
