# One kernel, every device: kiln run --device cpu|wgpu|cuda examples/saxpy.py
import gpu


@gpu.kernel
def saxpy(a, x, y, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        out[i] = a * x[i] + y[i]


@gpu.kernel
def block_sums(xs, sums):
    # A tree reduction in shared memory: one partial sum per block of 128 threads.
    t = gpu.thread.x
    part = gpu.shared.array(128, float)
    i = gpu.block.x * 128 + t
    part[t] = xs[i] if i < len(xs) else 0.0
    gpu.syncthreads()
    s = 64
    while s > 0:
        if t < s:
            part[t] += part[t + s]
        gpu.syncthreads()
        s //= 2
    if t == 0:
        gpu.atomic.add(sums, 0, part[0])


n = 100000
xs = [i * 0.5 for i in range(n)]
ys = [1.0] * n
out = [0.0] * n
saxpy(2.0, xs, ys, out, grid=(n + 255) // 256, block=256)
print(out[:4], out[-1])

total = [0.0]
block_sums(out, total, grid=(n + 127) // 128, block=128)
print("sum:", total[0], "expected:", sum(out))
