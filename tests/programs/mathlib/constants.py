# math constants and classification functions.
import math

print(math.pi, math.e, math.inf, -math.inf, math.nan)
print(f"{math.pi:.20f} {math.e:.20f}")
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.pi * 2, math.pi / 2, math.e ** 2, math.pi ** math.e, math.e ** math.pi)
print(math.isnan(math.inf * 0), math.isinf(math.inf - 1e308), math.isnan(math.sqrt(4.0)))
r = 2.5
print("circle area", math.pi * r * r, "circumference", 2 * math.pi * r)
