# float32 matrix kernels on a 2-D grid: products of small values are exact in 32 bits
import gpu


@gpu.kernel
def matmul32(n, a, b, c):
    col = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    row = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    if row < n and col < n:
        acc = float32(0.0)
        for k in range(n):
            acc = acc + a[row * n + k] * b[k * n + col]
        c[row * n + col] = acc


@gpu.kernel
def scale_rows(n, m, s, out):
    col = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    row = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    if row < n and col < n:
        out[row * n + col] = m[row * n + col] * s[row]


n = 12
a = [float32(((i * 5) % 9 - 4) * 0.5) for i in range(n * n)]
b = [float32(((i * 3) % 7 - 3) * 0.25) for i in range(n * n)]
c = [float32(0.0)] * (n * n)
matmul32(n, a, b, c, grid=((n + 7) // 8, (n + 7) // 8), block=(8, 8))
tot = float32(0.0)
for v in c:
    tot = tot + v
print(tot, c[0], c[n + 1], c[n * n - 1])
for r in range(0, n, 4):
    line = ""
    for k in range(0, n, 3):
        line += f" {c[r * n + k]:7.3f}"
    print(line)

s = [float32(1.0 / (r + 1)) for r in range(n)]
ones = [float32(3.0)] * (n * n)
out = [float32(0.0)] * (n * n)
scale_rows(n, ones, s, out, grid=(2, 2), block=(8, 8))
print(out[0], out[n], out[2 * n], out[11 * n + 11])
