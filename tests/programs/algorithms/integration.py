# Numerical integration: rectangle, trapezoid and Simpson rules on a few functions.
import math


def f_poly(x):
    return x * x * x - 2.0 * x + 1.0


def f_sin(x):
    return math.sin(x)


def f_gauss(x):
    return math.exp(-x * x)


def which(k, x):
    if k == 0:
        return f_poly(x)
    elif k == 1:
        return f_sin(x)
    return f_gauss(x)


def midpoint(k, a, b, n):
    h = (b - a) / n
    s = 0.0
    for i in range(n):
        s += which(k, a + (i + 0.5) * h)
    return s * h


def trapezoid(k, a, b, n):
    h = (b - a) / n
    s = 0.5 * (which(k, a) + which(k, b))
    for i in range(1, n):
        s += which(k, a + i * h)
    return s * h


def simpson(k, a, b, n):
    h = (b - a) / n
    s = which(k, a) + which(k, b)
    for i in range(1, n):
        if i % 2 == 1:
            s += 4.0 * which(k, a + i * h)
        else:
            s += 2.0 * which(k, a + i * h)
    return s * h / 3.0


bounds = [0.0, 2.0, 0.0, math.pi, -3.0, 3.0]
for k in range(3):
    a = bounds[2 * k]
    b = bounds[2 * k + 1]
    for n in [4, 16, 64, 256]:
        print(f"f{k} n={n:4d} mid {midpoint(k, a, b, n):.12f} trap {trapezoid(k, a, b, n):.12f} simp {simpson(k, a, b, n):.12f}")
print(f"sqrt(pi) = {math.sqrt(math.pi):.12f}")
