# tiled matrix multiply with block-shared tiles and barriers (float, values exact in binary)
import gpu


@gpu.kernel
def matmul_tiled(n, a, b, c):
    ta = gpu.shared.array((8, 8), float)
    tb = gpu.shared.array((8, 8), float)
    tx = gpu.thread.x
    ty = gpu.thread.y
    col = gpu.block.x * 8 + tx
    row = gpu.block.y * 8 + ty
    acc = 0.0
    tiles = (n + 7) // 8
    for t in range(tiles):
        k = t * 8 + tx
        if row < n and k < n:
            ta[ty][tx] = a[row * n + k]
        else:
            ta[ty][tx] = 0.0
        k = t * 8 + ty
        if col < n and k < n:
            tb[ty][tx] = b[k * n + col]
        else:
            tb[ty][tx] = 0.0
        gpu.syncthreads()
        for j in range(8):
            acc += ta[ty][j] * tb[j][tx]
        gpu.syncthreads()
    if row < n and col < n:
        c[row * n + col] = acc


n = 20
a = [((i * 13) % 17 - 8) * 0.5 for i in range(n * n)]
b = [((i * 7) % 11 - 5) * 0.25 for i in range(n * n)]
c = [0.0] * (n * n)
g = (n + 7) // 8
matmul_tiled(n, a, b, c, grid=(g, g), block=(8, 8))

ref = [0.0] * (n * n)
for i in range(n):
    for j in range(n):
        s = 0.0
        for k in range(n):
            s += a[i * n + k] * b[k * n + j]
        ref[i * n + j] = s
print(c == ref)
print(sum(c), c[0], c[1], c[n], c[n * n - 1])
for i in range(0, n, 5):
    print(c[i * n], c[i * n + 7], c[i * n + 19])
