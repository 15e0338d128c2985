# @par(gpu=True) loop bodies with inner loops, helpers, math and float32
import math
from kiln import par


def poly(x):
    return 3.0 * x * x - 2.0 * x + 1.0


n = 64
m = 16
a = [float((i * 7) % 13) for i in range(n * m)]
rowsum = [0.0] * n
@par(gpu=True)
for r in range(n):
    s = 0.0
    for c in range(m):
        s += a[r * m + c]
    rowsum[r] = s
print(rowsum[0], rowsum[1], rowsum[63], sum(rowsum))

vals = [0.0] * n
@par(gpu=True)
for i in range(n):
    vals[i] = poly(i * 0.5)
print(vals[0], vals[3], vals[63])

roots = [0.0] * n
@par(gpu=True)
for i in range(n):
    roots[i] = math.sqrt(i * 1.0)
print(f"{roots[2]:.9f} {roots[63]:.9f} {sum(roots):.6f}")

f32 = [float32(0.0)] * n
@par(gpu=True)
for i in range(n):
    f32[i] = float32(i) * float32(0.5) + float32(1.0)
print(f32[0], f32[1], f32[63])

# collatz steps, a while loop in the body
steps = [0] * 30
@par(gpu=True)
for i in range(30):
    x = i + 1
    k = 0
    while x != 1:
        if x % 2 == 0:
            x = x // 2
        else:
            x = 3 * x + 1
        k += 1
    steps[i] = k
print(steps)
