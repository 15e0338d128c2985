# kiln: build
# The spectral-norm benchmark with small n.
import math


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(i, j) * v[j]
        out[i] = s


def mul_atv(v, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(j, i) * v[j]
        out[i] = s


def mul_atav(v, out, tmp, n):
    mul_av(v, tmp, n)
    mul_atv(tmp, out, n)


def spectral(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for i in range(10):
        mul_atav(u, v, tmp, n)
        mul_atav(v, u, tmp, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)


for n in [1, 2, 10, 50, 100]:
    print(n, f"{spectral(n):.9f}")
