# naive matrix multiply: one thread per output element, 2-D grid
import gpu


@gpu.kernel
def matmul(n, m, p, a, b, c):
    col = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    row = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    if row < n and col < p:
        acc = 0
        for k in range(m):
            acc += a[row * m + k] * b[k * p + col]
        c[row * p + col] = acc


n = 9
m = 7
p = 11
a = [(i * 7 + 3) % 10 - 4 for i in range(n * m)]
b = [(i * 5 + 1) % 9 - 3 for i in range(m * p)]
c = [0] * (n * p)
matmul(n, m, p, a, b, c, grid=((p + 3) // 4, (n + 3) // 4), block=(4, 4))

# host reference
ref = [0] * (n * p)
for i in range(n):
    for j in range(p):
        s = 0
        for k in range(m):
            s += a[i * m + k] * b[k * p + j]
        ref[i * p + j] = s
print(c == ref)
print(sum(c), c[0], c[p - 1], c[n * p - 1])
for i in range(n):
    line = ""
    for j in range(p):
        line += f"{c[i * p + j]:5d}"
    print(line)
