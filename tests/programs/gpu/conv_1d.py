# 1-D convolution with a mask, zero padding, with and without a shared tile
import gpu


@gpu.kernel
def conv(x, mask, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    n = len(x)
    r = len(mask) // 2
    if i < n:
        s = 0
        for k in range(len(mask)):
            j = i + k - r
            if j >= 0 and j < n:
                s += x[j] * mask[k]
        out[i] = s


@gpu.kernel
def conv_tiled(x, mask, out):
    # block of 16 threads, radius 2: the tile holds 16 + 4 elements
    tile = gpu.shared.array(20, int)
    t = gpu.thread.x
    base = gpu.block.x * 16
    n = len(x)
    j = base + t - 2
    tile[t] = x[j] if j >= 0 and j < n else 0
    if t < 4:
        j2 = base + 16 + t - 2
        tile[16 + t] = x[j2] if j2 >= 0 and j2 < n else 0
    gpu.syncthreads()
    i = base + t
    if i < n:
        s = 0
        for k in range(5):
            s += tile[t + k] * mask[k]
        out[i] = s


n = 100
x = [(i * 29) % 17 - 8 for i in range(n)]
mask = [1, -2, 5, -2, 1]
a = [0] * n
conv(x, mask, a, grid=(n + 31) // 32, block=32)
b = [0] * n
conv_tiled(x, mask, b, grid=(n + 15) // 16, block=16)
print(a == b, sum(a))
for i in range(0, n, 10):
    print(i, a[i], a[i + 1], a[i + 9])
