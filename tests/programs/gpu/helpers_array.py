# helpers that take arrays: they read them, return a scalar, or write an element
import gpu


def window_sum(x, i, r):
    s = 0
    for k in range(i - r, i + r + 1):
        if k >= 0 and k < len(x):
            s += x[k]
    return s


def dot_row(a, row, v, n):
    s = 0.0
    for k in range(n):
        s += a[row * n + k] * v[k]
    return s


def put(out, i, v):
    out[i] = v


def count_above(x, t):
    c = 0
    for k in range(len(x)):
        if x[k] > t:
            c += 1
    return c


@gpu.kernel
def box(x, r, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        put(out, i, window_sum(x, i, r))


@gpu.kernel
def matvec(a, v, n, out):
    row = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if row < n:
        out[row] = dot_row(a, row, v, n)


@gpu.kernel
def ranks(x, out):
    i = gpu.thread.x
    out[i] = count_above(x, x[i])


x = [(i * 5) % 11 for i in range(30)]
out = [0] * 30
box(x, 2, out, grid=4, block=8)
print(out)
box(x, 0, out, grid=1, block=30)
print(out == x)

n = 6
a = [float((r * n + c) % 7 - 3) for r in range(n) for c in range(n)]
v = [1.0, 0.5, -1.0, 2.0, 0.25, -0.5]
mv = [0.0] * n
matvec(a, v, n, mv, grid=2, block=4)
print(mv)

y = [40, 10, 30, 20, 50, 0]
rk = [0] * 6
ranks(y, rk, grid=1, block=6)
print(rk)
