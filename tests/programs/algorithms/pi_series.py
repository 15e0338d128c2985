# Series for pi and e: Leibniz, Nilakantha, Wallis, and the factorial series for e.
import math

leibniz = 0.0
sign = 1.0
for k in range(1000000):
    leibniz += sign / (2 * k + 1)
    sign = -sign
print(f"leibniz {4 * leibniz:.12f}")
nil = 3.0
s = 1.0
for k in range(1, 1000):
    n = 2.0 * k
    nil += s * 4.0 / (n * (n + 1) * (n + 2))
    s = -s
print(f"nilakantha {nil:.15f}")
wallis = 1.0
for k in range(1, 100001):
    t = 4.0 * k * k
    wallis *= t / (t - 1)
print(f"wallis {2 * wallis:.10f}")
e = 0.0
term = 1.0
for k in range(20):
    e += term
    term /= k + 1
print(e, math.e, e == math.e)
print(f"error leibniz {math.fabs(4 * leibniz - math.pi):.3e} nil {math.fabs(nil - math.pi):.3e}")
