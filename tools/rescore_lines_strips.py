#!/usr/bin/env python3
"""Rescore the strips/*.png of `aelab interpolate --dataset lines --out DIR`
with the ACAI authors' own metric code (brain-research/acai lib/eval.py and
lib/data.py draw_line), ported to torch without numpy: a check of the app's
figures that shares none of its code. Usage: rescore_lines_strips.py DIR
(needs python3-torch: make bench installs it)."""
import math, struct, sys, zlib, glob, torch

def read_png_gray(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat, w = 8, b'', None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
        if kind == b'IHDR':
            w, h, depth, color, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and color == 0 and interlace == 0, (depth, color)
        elif kind == b'IDAT': idat += body
    raw, rows, prev = zlib.decompress(idat), [], bytearray(w)
    for r in range(h):
        f, line = raw[r * (w + 1)], bytearray(raw[r * (w + 1) + 1:(r + 1) * (w + 1)])
        for i in range(w):
            a = line[i - 1] if i else 0; b = prev[i]; c = prev[i - 1] if i else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(list(line)); prev = line
    return torch.tensor(rows, dtype=torch.float64)

def draw_line(angle, height, width, w=2.):  # lib/data.py, verbatim but for the array
    m = [[0.0] * width for _ in range(height)]
    x0 = height * 0.5; y0 = width * 0.5
    x1 = x0 + (x0 - 1) * math.cos(-angle); y1 = y0 + (y0 - 1) * math.sin(-angle)
    flip = False
    if abs(y0 - y1) < abs(x0 - x1):
        x0, x1, y0, y1 = y0, y1, x0, x1; flip = True
    if y1 < y0:
        x0, x1, y0, y1 = x1, x0, y1, y0
    x0, x1 = x0 - w / 2, x1 - w / 2
    dx = x1 - x0; dy = y1 - y0
    ds = dx / dy if dy != 0 else 0
    yi = int(math.ceil(y0)), int(y1)
    points = []
    for y in range(int(y0), int(math.ceil(y1))):
        weight = yi[0] - y0 if y < yi[0] else (y1 - yi[1] if y > yi[1] else 1)
        xs = x0 + (y - y0 - .5) * ds; xe = xs + w
        xi = int(math.ceil(xs)), int(xe)
        if xi[0] != xi[1]: points.append((y, list(range(xi[0], xi[1])), weight))
        if xi[0] != xs: points.append((y, [int(xs)], weight * (xi[0] - xs)))
        if xi[1] != xe: points.append((y, [xi[1]], weight * (xe - xi[1])))
    for y, xs_, z in points:
        for x in xs_:
            r, c = (x, y) if flip else (y, x)
            m[r][c] += 2 * z
    return torch.tensor(m, dtype=torch.float64).sub(1).clamp(-1, 1)

def main(strips):
    files = sorted(glob.glob(strips + '/strips/*.png'))
    seqs = []
    for f in files:
        img = read_png_gray(f) / 255 * 2 - 1  # 0 is -1, 255 is +1
        seqs.append(torch.stack([img[:, 32 * t:32 * (t + 1)] for t in range(img.shape[1] // 32)]))
    seqs = torch.stack(seqs)  # [S, T, 32, 32]
    S, T = seqs.shape[:2]
    angles = torch.linspace(0, 2 * math.pi - 2 * math.pi / 10000, 10000, dtype=torch.float64)
    ref = torch.stack([draw_line(float(a), 32, 32).flatten() for a in angles])
    ref = ref / ref.norm(dim=1, keepdim=True)
    q = seqs.reshape(S * T, -1); q = q / q.norm(dim=1, keepdim=True)
    sim = q @ ref.T
    best, idx = sim.max(dim=1)
    dist = 1 - best
    ang = angles[idx].reshape(S, T)
    # np.unwrap
    d = torch.diff(ang, dim=1); dd = (d + math.pi) % (2 * math.pi) - math.pi
    dd[(dd == -math.pi) & (d > 0)] = math.pi
    corr = torch.cumsum(torch.where(d.abs() < math.pi, torch.zeros_like(d), dd - d), dim=1)
    un = ang.clone(); un[:, 1:] += corr
    diffs = torch.diff(un, dim=1).abs(); total = (un[:, :1] - un[:, -1:]).abs()
    dev = (diffs / total).max(dim=1).values - 1. / (T - 1)
    ok = (total.flatten() >= 1e-4)
    smooth = dev[ok].sum() / S
    print(f'{strips}: {S} strips x {T} frames: mean distance {dist.mean():.6g}, smoothness {smooth:.6g}')

main(sys.argv[1])
