# Numerical integration: trapezoid, Simpson and Romberg on several functions
import math

def f_of(which, x):
    if which == 0:
        return x * x
    elif which == 1:
        return math.sin(x)
    elif which == 2:
        return math.exp(-x * x)
    elif which == 3:
        return 1.0 / (1.0 + x * x)
    return math.sqrt(x)

NAMES = ["x^2", "sin(x)", "exp(-x^2)", "1/(1+x^2)", "sqrt(x)"]
EXACT = [1.0 / 3.0, 1.0 - math.cos(1.0), 0.7468241328124271, math.pi / 4, 2.0 / 3.0]

def trapezoid(which, a, b, n=100):
    h = (b - a) / n
    s = 0.5 * (f_of(which, a) + f_of(which, b))
    for i in range(1, n):
        s += f_of(which, a + i * h)
    return s * h

def simpson(which, a, b, n=100):
    if n % 2 == 1:
        raise ValueError("simpson needs an even number of intervals")
    h = (b - a) / n
    s = f_of(which, a) + f_of(which, b)
    for i in range(1, n):
        w = 4 if i % 2 == 1 else 2
        s += w * f_of(which, a + i * h)
    return s * h / 3

def romberg(which, a, b, levels=6):
    r = [0.0] * (levels * levels)
    h = b - a
    r[0] = 0.5 * h * (f_of(which, a) + f_of(which, b))
    for i in range(1, levels):
        h /= 2
        s = 0.0
        for k in range(1, 2 ** i, 2):
            s += f_of(which, a + k * h)
        r[i * levels] = 0.5 * r[(i - 1) * levels] + s * h
        for j in range(1, i + 1):
            p = 4 ** j
            r[i * levels + j] = (p * r[i * levels + j - 1] - r[(i - 1) * levels + j - 1]) / (p - 1)
    return r[(levels - 1) * levels + levels - 1]

print(f"{'function':<12}{'trapezoid':>14}{'simpson':>14}{'romberg':>14}{'exact':>14}")
for w in range(5):
    t = trapezoid(w, 0.0, 1.0)
    s = simpson(w, 0.0, 1.0, n=64)
    r = romberg(w, 0.0, 1.0)
    print(f"{NAMES[w]:<12}{t:>14.10f}{s:>14.10f}{r:>14.10f}{EXACT[w]:>14.10f}")

print()
print("convergence of trapezoid for sin on [0, pi]:")
prev = 0.0
for k in range(1, 9):
    n = 2 ** k
    v = trapezoid(1, 0.0, math.pi, n)
    err = abs(v - 2.0)
    ratio = prev / err if k > 1 else 0.0
    print(f"n={n:>4} value={v:.12f} err={err:.3e} ratio={ratio:6.2f}")
    prev = err
print("simpson exact for cubic:", simpson(0, 0.0, 3.0, 2) == 9.0)
print(simpson(0, 0.0, 3.0, 7))
