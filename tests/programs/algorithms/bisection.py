# Root finding by bisection and by the secant method.
import math


def f(k, x):
    if k == 0:
        return x * x - 2.0
    elif k == 1:
        return math.cos(x) - x
    return x * x * x - x - 1.0


def bisect(k, lo, hi):
    steps = 0
    while hi - lo > 1e-12:
        mid = (lo + hi) / 2
        if (f(k, lo) < 0) == (f(k, mid) < 0):
            lo = mid
        else:
            hi = mid
        steps += 1
    print("  bisection steps", steps)
    return (lo + hi) / 2


def secant(k, x0, x1):
    for i in range(50):
        f0 = f(k, x0)
        f1 = f(k, x1)
        if f1 == f0:
            break
        x2 = x1 - f1 * (x1 - x0) / (f1 - f0)
        x0 = x1
        x1 = x2
    return x1


for k in range(3):
    r = bisect(k, 0.0, 2.0)
    s = secant(k, 1.0, 2.0)
    print(f"f{k}: bisect {r:.10f} secant {s:.10f} residual {f(k, s):.2e}")
