# math functions on 0.0/-0.0/tiny/large values and their floor/ceil/trunc int results
import math
vals = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 1e-300, 3.0, -2.5, 100.0]
for x in vals:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), math.fabs(x), math.exp(x) if x < 700 else 0.0, math.sin(x), math.cos(x), math.atan(x), math.tanh(x))
    if x > 0:
        print(" ", math.log(x), math.log2(x), math.log10(x), math.sqrt(x), math.log(x, 10), math.log1p(x))
    if -1 <= x <= 1:
        print(" ", math.asin(x), math.acos(x))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.inf))
print(math.hypot(3, 4), math.hypot(3.0, 4.0), math.atan2(1, -1), math.atan2(-0.0, -1.0), math.atan2(0.0, -1.0))
print(math.pow(2, 10), math.pow(2.0, -1), math.pow(-2, 3), math.pow(0.0, 0.0), math.pow(1.0, math.nan), math.pow(math.nan, 0))
print(math.fabs(-3), math.sqrt(2), math.sqrt(-0.0), math.exp(-1000))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(2), math.ceil(True), math.trunc(-9.99), math.floor(9007199254740993.0))
print(math.log(1024, 2), math.log(100, 10), math.log2(1024), math.log10(1000), math.log(math.e))
print(math.sinh(1), math.cosh(1), math.expm1(1e-10), math.log1p(1e-10))
