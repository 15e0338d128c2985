# float reductions: += (exact multiples of 0.25), *= (1.0/0.5/2.0), min, max, float vars starting from ints and inf
import math
from kiln import par

n = 4000
fs = [0.0] * n
for i in range(n):
    fs[i] = ((i * 37) % 101 - 50) * 0.25

s = 0.0
@par
for i in range(n):
    s += fs[i]
print("sum", s)

half = 10.0
@par(schedule="dynamic", chunk_size=7)
for i in range(n):
    half += fs[i] * -0.5
print("negated half", half)

p = 1.0
@par(schedule="guided", chunk_size=3)
for i in range(n):
    p *= 2.0 if i % 3 == 0 else (0.5 if i % 3 == 1 else 1.0)
print("product", p)

q = 3.0
for i in par(range(200), num_threads=3):
    q *= 2.0 if i % 4 == 0 else 1.0
print("product 2**50 * 3 =", q, q == 3.0 * 2.0 ** 50)

lo = math.inf
hi = -math.inf
for i in par(range(n), chunk_size=1):
    lo = min(lo, fs[i])
    hi = max(hi, fs[i] * 1.5)
print("min", lo, "max", hi)

empty_lo = math.inf
for i in par(range(0)):
    empty_lo = min(empty_lo, fs[i])
print("empty min", empty_lo)

# a float accumulator fed int values, and a sum that is only printed rounded
acc = 0.5
roots = 0.0
@par
for i in range(1, 10001):
    acc += i
    roots += math.sqrt(i)
print("acc", acc)
print(f"roots {roots:.4f}")


def mean_and_range(xs):
    t = 0.0
    a = xs[0]
    b = xs[0]
    for x in par(xs):
        t += x
        a = min(a, x)
        b = max(b, x)
    return str(t / len(xs)) + " " + str(b - a)


print(mean_and_range(fs))
print(mean_and_range([2.5, -1.25, 8.0, 0.75]))
