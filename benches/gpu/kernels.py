# GPU kernel benchmarks: the same kernels on every device (kiln run --device cpu|wgpu|cuda).
#
#     kiln run --device wgpu benches/gpu/kernels.py [LOG2_N]
#
# Every array stays on the device (gpu.to_device) so that a launch moves no data. Each line
# reports the best of several repetitions: the per-launch time of an empty kernel (the launch
# overhead) and, per kernel, the time per launch, the kernel time (launch minus overhead) and
# the memory bandwidth that implies. A checksum line per kernel shows that every device
# computed the same thing.
import sys
import time
import gpu

LOG2_N = int(sys.argv[1]) if len(sys.argv) > 1 else 20
N = 1 << LOG2_N
BLOCK = 256
TILE = 16
REPS = 5


@gpu.kernel
def noop(x):
    if gpu.thread.x == 1 << 20:
        x[0] = float32(0.0)


@gpu.kernel
def saxpy(a, x, y):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        y[i] = a * x[i] + y[i]


@gpu.kernel
def block_sum(x, out):
    t = gpu.thread.x
    part = gpu.shared.array(BLOCK, float32)
    i = gpu.block.x * BLOCK + t
    part[t] = x[i] if i < len(x) else float32(0.0)
    gpu.syncthreads()
    s = BLOCK // 2
    while s > 0:
        if t < s:
            part[t] += part[t + s]
        gpu.syncthreads()
        s //= 2
    if t == 0:
        out[gpu.block.x] = part[0]


@gpu.kernel
def matmul(n, a, b, c):
    ta = gpu.shared.array((TILE, TILE), float32)
    tb = gpu.shared.array((TILE, TILE), float32)
    tx = gpu.thread.x
    ty = gpu.thread.y
    row = gpu.block.y * TILE + ty
    col = gpu.block.x * TILE + tx
    acc = float32(0.0)
    for k0 in range(0, n, TILE):
        ta[ty][tx] = a[row * n + k0 + tx]
        tb[ty][tx] = b[(k0 + ty) * n + col]
        gpu.syncthreads()
        for k in range(TILE):
            acc += ta[ty][k] * tb[k][tx]
        gpu.syncthreads()
    c[row * n + col] = acc


x = gpu.to_device([float32(i % 7) for i in range(N)])
y = gpu.to_device([float32(1.0)] * N)
blocks = (N + BLOCK - 1) // BLOCK
partial = gpu.to_device([float32(0.0)] * blocks)
CALLS = 20

# Launch overhead: an empty kernel on one thread.
overhead = 1e30
for r in range(REPS):
    t0 = time.perf_counter()
    for j in range(CALLS):
        noop(x, grid=1, block=1)
    overhead = min(overhead, (time.perf_counter() - t0) / CALLS)
print(f"launch overhead: {overhead * 1e6:.1f} us")

per_launch = 1e30
for r in range(REPS):
    t0 = time.perf_counter()
    for j in range(CALLS):
        saxpy(float32(2.0), x, y, grid=blocks, block=BLOCK)
    per_launch = min(per_launch, (time.perf_counter() - t0) / CALLS)
kernel = max(per_launch - overhead, 1e-9)
# saxpy reads x and y and writes y: 12 bytes per element.
print(f"saxpy 2^{LOG2_N} float32: {per_launch * 1e3:.3f} ms per launch, kernel {kernel * 1e3:.3f} ms, {12 * N / kernel / 1e9:.1f} GB/s")

per_launch = 1e30
for r in range(REPS):
    t0 = time.perf_counter()
    block_sum(x, partial, grid=blocks, block=BLOCK)
    per_launch = min(per_launch, time.perf_counter() - t0)
kernel = max(per_launch - overhead, 1e-9)
print(f"block_sum 2^{LOG2_N} float32: {per_launch * 1e3:.3f} ms per launch, kernel {kernel * 1e3:.3f} ms, {4 * N / kernel / 1e9:.1f} GB/s")
sums = partial.copy_to_host()
print(f"checksum block_sum: {sum([float(v) for v in sums])}")

M = 256
a = gpu.to_device([float32((i % 5) - 2) for i in range(M * M)])
b = gpu.to_device([float32((i % 3) - 1) for i in range(M * M)])
c = gpu.to_device([float32(0.0)] * (M * M))
per_launch = 1e30
for r in range(3):
    t0 = time.perf_counter()
    matmul(M, a, b, c, grid=(M // TILE, M // TILE), block=(TILE, TILE))
    per_launch = min(per_launch, time.perf_counter() - t0)
kernel = max(per_launch - overhead, 1e-9)
print(f"matmul {M}x{M} float32 (tiled): {per_launch * 1e3:.3f} ms per launch, {2 * M * M * M / kernel / 1e9:.2f} GFLOP/s")
cs = c.copy_to_host()
print(f"checksum matmul: {sum([float(v) for v in cs])}")
ys = y.copy_to_host()
print(f"checksum saxpy: {float(ys[0]) + float(ys[N - 1])}")
