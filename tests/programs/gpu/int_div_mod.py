# int floor division and modulo with negative operands follow Python (floor, sign of divisor)
import gpu


@gpu.kernel
def divmods(a, b, q, r, chk):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(a):
        q[i] = a[i] // b[i]
        r[i] = a[i] % b[i]
        chk[i] = q[i] * b[i] + r[i] == a[i]


@gpu.kernel
def fdivmods(a, b, q, r):
    i = gpu.thread.x
    q[i] = a[i] // b[i]
    r[i] = a[i] % b[i]


@gpu.kernel
def int_ops(a, out):
    i = gpu.thread.x
    v = a[i]
    out[6 * i] = v * v - 3 * v
    out[6 * i + 1] = -v // 4
    out[6 * i + 2] = (v + 7) % 5
    out[6 * i + 3] = abs(v) // 3
    out[6 * i + 4] = v ** 2
    out[6 * i + 5] = min(v, 3) + max(v, -2)


a = [7, -7, 7, -7, 0, 1, -1, 13, -13, 100, -100, 5]
b = [2, 2, -2, -2, 3, -3, 3, 5, 5, -7, 7, 1]
n = len(a)
q = [0] * n
r = [0] * n
chk = [False] * n
divmods(a, b, q, r, chk, grid=2, block=8)
for i in range(n):
    print(a[i], b[i], q[i], r[i], chk[i])

fa = [7.5, -7.5, 7.5, -7.5, 1.0, -0.25]
fb = [2.0, 2.0, -2.0, -2.0, 0.75, 0.5]
fq = [0.0] * 6
fr = [0.0] * 6
fdivmods(fa, fb, fq, fr, grid=1, block=6)
print(fq)
print(fr)

vals = [0, 1, -1, 5, -5, 12, -13]
out = [0] * (6 * len(vals))
int_ops(vals, out, grid=1, block=len(vals))
for i in range(len(vals)):
    print(vals[i], out[6 * i], out[6 * i + 1], out[6 * i + 2], out[6 * i + 3], out[6 * i + 4], out[6 * i + 5])
