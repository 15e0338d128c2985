# kiln: build
# Newton's method for square roots and cube roots, compared with math.sqrt.
import math


def newton_sqrt(a, tol=1e-15):
    if a == 0.0:
        return 0.0
    x = a if a > 1.0 else 1.0
    nx = 0.5 * (x + a / x)
    iters = 1
    while math.fabs(nx - x) > tol * nx and iters <= 100:
        x = nx
        nx = 0.5 * (x + a / x)
        iters += 1
    return nx


def int_sqrt(n):
    if n < 2:
        return n
    x = n
    y = x // 2 + x % 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def cbrt(a):
    x = 1.0
    for i in range(60):
        x = x - (x * x * x - a) / (3 * x * x)
    return x


for a in [0.0, 1.0, 2.0, 3.0, 10.0, 0.01, 12345.678, 1e20, 1e-20]:
    r = newton_sqrt(a)
    print(f"{a:>12g} newton {r:.15e} math {math.sqrt(a):.15e} diff {r - math.sqrt(a):.3e}")
for n in [0, 1, 15, 16, 17, 99, 100, 10 ** 12, 10 ** 18, 9223372036854775807]:
    s = int_sqrt(n)
    print("isqrt", n, s, s * s <= n)
for a in [8.0, 27.0, 2.0, 1000.0, 0.001]:
    print(f"cbrt({a}) = {cbrt(a):.12f}")
