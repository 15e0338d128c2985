# Shared memory, barriers, a tree reduction and an atomic: the constructs that differ most
# between devices.
import gpu

BLOCK = 64


@gpu.kernel
def block_sum(xs, total):
    t = gpu.thread.x
    i = gpu.block.x * BLOCK + t
    part = gpu.shared.array(BLOCK, int)
    part[t] = xs[i] if i < len(xs) else 0
    gpu.syncthreads()
    s = BLOCK // 2
    while s > 0:
        if t < s:
            part[t] += part[t + s]
        gpu.syncthreads()
        s //= 2
    if t == 0:
        gpu.atomic.add(total, 0, part[0])


xs = list(range(1000))
total = [0]
block_sum(xs, total, grid=(len(xs) + BLOCK - 1) // BLOCK, block=BLOCK)
print(total[0])
