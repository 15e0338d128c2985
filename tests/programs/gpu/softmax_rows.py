# row-wise softmax: one block per row, shared-memory max and sum reductions, math.exp
import gpu
import math


@gpu.kernel
def softmax(cols, x, out):
    s = gpu.shared.array(32, float)
    t = gpu.thread.x
    row = gpu.block.x
    v = x[row * cols + t] if t < cols else -1.0e300
    s[t] = v
    gpu.syncthreads()
    stride = 16
    while stride > 0:
        if t < stride:
            s[t] = max(s[t], s[t + stride])
        gpu.syncthreads()
        stride //= 2
    m = s[0]
    gpu.syncthreads()
    e = math.exp(v - m) if t < cols else 0.0
    s[t] = e
    gpu.syncthreads()
    stride = 16
    while stride > 0:
        if t < stride:
            s[t] = s[t] + s[t + stride]
        gpu.syncthreads()
        stride //= 2
    if t < cols:
        out[row * cols + t] = e / s[0]


rows = 5
cols = 7
x = [((r * 7 + c * 3) % 11 - 5) * 0.5 for r in range(rows) for c in range(cols)]
out = [0.0] * (rows * cols)
softmax(cols, x, out, grid=rows, block=32)
for r in range(rows):
    line = ""
    total = 0.0
    for c in range(cols):
        line += f" {out[r * cols + c]:.6f}"
        total += out[r * cols + c]
    print(line, f"{total:.9f}")
