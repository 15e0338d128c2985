# per-block histogram in shared memory, merged into the global one with atomics
import gpu


@gpu.kernel
def hist(data, bins):
    local = gpu.shared.array(16, int)
    t = gpu.thread.x
    if t < 16:
        local[t] = 0
    gpu.syncthreads()
    i = gpu.block.x * gpu.block.dim.x + t
    stride = gpu.block.dim.x * gpu.grid.dim.x
    while i < len(data):
        gpu.atomic.add(local, data[i] % 16, 1)
        i += stride
    gpu.syncthreads()
    if t < 16:
        gpu.atomic.add(bins, t, local[t])


n = 3000
data = [(i * 2654435761) % 4294967296 // 65536 for i in range(n)]
ref = [0] * 16
for v in data:
    ref[v % 16] += 1
for blocks in [1, 4, 13]:
    bins = [0] * 16
    hist(data, bins, grid=blocks, block=32)
    print(blocks, bins == ref, sum(bins))
print(ref)
