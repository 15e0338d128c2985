# Root finding: bisection, Newton and secant methods with iteration logs
import math

calls = 0
iterations = 0

def f(x):
    global calls
    calls += 1
    return x * x * x - 2 * x - 5

def df(x):
    return 3 * x * x - 2

def bisection(a, b, tol=1e-12, max_iter=200):
    global iterations
    fa = f(a)
    if fa * f(b) > 0:
        raise ValueError("root not bracketed")
    iterations = 0
    while b - a > tol:
        iterations += 1
        if iterations > max_iter:
            break
        m = (a + b) / 2
        fm = f(m)
        if fm == 0:
            return m
        if (fa < 0) == (fm < 0):
            a, fa = m, fm
        else:
            b = m
    return (a + b) / 2

def newton(x, tol=1e-14, verbose=False):
    global iterations
    iterations = 0
    for i in range(50):
        iterations += 1
        d = df(x)
        if d == 0:
            raise ZeroDivisionError("zero derivative at " + repr(x))
        step = f(x) / d
        x -= step
        if verbose:
            print(f"  newton {i}: x={x:.15g} step={step:.3e}")
        if abs(step) < tol:
            return x
    else:
        print("  newton did not converge")
    return x

def secant(x0, x1, *, tol=1e-13):
    global iterations
    iterations = 0
    f0 = f(x0)
    f1 = f(x1)
    while abs(x1 - x0) > tol:
        iterations += 1
        x2 = x1 - f1 * (x1 - x0) / (f1 - f0)
        x0, f0 = x1, f1
        x1 = x2
        f1 = f(x1)
        if iterations > 100:
            break
    return x1

calls = 0
r = bisection(2.0, 3.0)
print(f"bisection: {r!r} after {iterations} iterations, {calls} calls")
calls = 0
r2 = newton(2.0, verbose=True)
print(f"newton:    {r2!r} after {iterations} iterations, {calls} calls")
calls = 0
r3 = secant(2.0, 3.0)
print(f"secant:    {r3!r} after {iterations} iterations, {calls} calls")
print("agree:", abs(r - r2) < 1e-9, abs(r2 - r3) < 1e-9)
print("f(root) =", f(r2))
print(f"{math.sqrt(2):.17f}", newton(1.0) == r2)
for lo in [0.0, 1.0, 2.0]:
    for hi in [3.0, 4.0]:
        print(lo, hi, f"{bisection(lo, hi, tol=1e-6):.5f}", iterations)
print(newton(math.sqrt(2 / 3)))
