# Ordering and equality with NaN and the infinities.
import math

nan = math.nan
inf = math.inf
vals = [-inf, -1.0, 0.0, 1.0, inf, nan]
for x in vals:
    for y in vals:
        print(x, y, x < y, x <= y, x == y, x != y, x > y, x >= y)
print(nan == nan, nan != nan, 1 < nan < 2, nan < 1 or nan >= 1, not (nan == nan))
print(inf == inf + 1, -inf == -inf * 2, inf > 9223372036854775807, -inf < -9223372036854775807)
x = nan
if x == x:
    print("nan equals itself?")
else:
    print("nan is not equal to itself")
if x != x:
    print("x != x holds for nan")
