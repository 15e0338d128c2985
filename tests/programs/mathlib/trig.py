# kiln: build
# Trigonometry: sin, cos, tan, atan2, hypot with pi.
import math

for k in range(0, 13):
    a = k * math.pi / 6
    print(f"{k:2d} {a:.6f} sin {math.sin(a):+.12f} cos {math.cos(a):+.12f}")
for k in [1, 2, 3, 4, 6]:
    print("tan(pi /", k, ") =", f"{math.tan(math.pi / k):.10f}")
print(math.sin(0.0), math.cos(0.0), math.tan(0.0), math.sin(-0.0))
print(math.sin(math.pi / 2), math.cos(math.pi), math.sin(1.0), math.cos(1.0))
for y in [-1.0, 0.0, 1.0]:
    for x in [-1.0, 0.0, 1.0]:
        print("atan2", y, x, f"{math.atan2(y, x):.12f}")
print(math.hypot(3, 4), math.hypot(5.0, 12.0), math.hypot(1e200, 1e200), math.hypot(0.0, -2.0))
s = 0.0
for i in range(1000):
    t = i * 0.001
    s += math.sin(t) * math.sin(t) + math.cos(t) * math.cos(t)
print(f"sum of sin^2+cos^2 over 1000 points: {s:.9f}")
deg = 30.0
print(f"{math.sin(deg * math.pi / 180):.15f}")
