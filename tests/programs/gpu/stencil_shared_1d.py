# 1-D stencil with a shared tile and halo cells, iterated on device arrays
import gpu


@gpu.kernel
def smooth(src, dst):
    tile = gpu.shared.array(34, float)
    t = gpu.thread.x
    n = len(src)
    i = gpu.block.x * 32 + t
    tile[t + 1] = src[i] if i < n else 0.0
    if t == 0:
        tile[0] = src[i - 1] if i > 0 else 0.0
    if t == 31:
        tile[33] = src[i + 1] if i + 1 < n else 0.0
    gpu.syncthreads()
    if i < n:
        dst[i] = 0.25 * tile[t] + 0.5 * tile[t + 1] + 0.25 * tile[t + 2]


n = 80
x = [0.0] * n
x[40] = 256.0
x[5] = 64.0
a = gpu.to_device(x)
b = gpu.to_device([0.0] * n)
for it in range(8):
    smooth(a, b, grid=(n + 31) // 32, block=32)
    a, b = b, a
r = a.copy_to_host()
print(sum(r))
for i in range(0, n, 8):
    print(i, r[i], r[i + 1])
