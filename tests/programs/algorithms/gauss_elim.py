# kiln: build
# Gaussian elimination with partial pivoting on a flat float matrix; determinant and solve.
import math


def solve(a, b, n):
    det = 1.0
    for col in range(n):
        piv = col
        for r in range(col + 1, n):
            if math.fabs(a[r * n + col]) > math.fabs(a[piv * n + col]):
                piv = r
        if piv != col:
            for k in range(n):
                t = a[col * n + k]
                a[col * n + k] = a[piv * n + k]
                a[piv * n + k] = t
            t2 = b[col]
            b[col] = b[piv]
            b[piv] = t2
            det = -det
        det *= a[col * n + col]
        for r in range(col + 1, n):
            f = a[r * n + col] / a[col * n + col]
            for k in range(col, n):
                a[r * n + k] -= f * a[col * n + k]
            b[r] -= f * b[col]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        s = b[i]
        for k in range(i + 1, n):
            s -= a[i * n + k] * x[k]
        x[i] = s / a[i * n + i]
    print(f"det = {det:.10e}")
    return x


m = [2.0, 1.0, -1.0, -3.0, -1.0, 2.0, -2.0, 1.0, 2.0]
rhs = [8.0, -11.0, -3.0]
sol = solve(m, rhs, 3)
for v in sol:
    print(f"{v:.10f}")
n = 6
h = [0.0] * (n * n)
hb = [0.0] * n
for i in range(n):
    for j in range(n):
        h[i * n + j] = 1.0 / (i + j + 1)
        hb[i] += h[i * n + j]
hx = solve(h, hb, n)
for v in hx:
    print(f"{v:.12f}")
