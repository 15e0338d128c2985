# tiled int matrix multiply of non-square matrices whose sizes are not multiples of the tile
import gpu


@gpu.kernel
def mm(n, m, p, a, b, c):
    sa = gpu.shared.array((4, 4), int)
    sb = gpu.shared.array((4, 4), int)
    tx = gpu.thread.x
    ty = gpu.thread.y
    row = gpu.block.y * 4 + ty
    col = gpu.block.x * 4 + tx
    acc = 0
    t = 0
    while t < m:
        if row < n and t + tx < m:
            sa[ty][tx] = a[row * m + t + tx]
        else:
            sa[ty][tx] = 0
        if col < p and t + ty < m:
            sb[ty][tx] = b[(t + ty) * p + col]
        else:
            sb[ty][tx] = 0
        gpu.syncthreads()
        for k in range(4):
            acc += sa[ty][k] * sb[k][tx]
        gpu.syncthreads()
        t += 4
    if row < n and col < p:
        c[row * p + col] = acc


def host_mm(n, m, p, a, b):
    r = [0] * (n * p)
    for i in range(n):
        for j in range(p):
            s = 0
            for k in range(m):
                s += a[i * m + k] * b[k * p + j]
            r[i * p + j] = s
    return r


def run(n, m, p):
    a = [(i * 31 + 7) % 23 - 11 for i in range(n * m)]
    b = [(i * 17 + 5) % 19 - 9 for i in range(m * p)]
    c = [0] * (n * p)
    mm(n, m, p, a, b, c, grid=((p + 3) // 4, (n + 3) // 4), block=(4, 4))
    print(n, m, p, c == host_mm(n, m, p, a, b), sum(c), c[0], c[n * p - 1])


run(1, 1, 1)
run(4, 4, 4)
run(5, 3, 7)
run(10, 9, 6)
run(3, 13, 2)
