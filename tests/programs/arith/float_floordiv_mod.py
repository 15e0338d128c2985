# Float // and % also floor; the sign of a zero result follows the divisor.
import math


def show(a, b):
    print(a, "//", b, "=", a // b, "|", a, "%", b, "=", a % b)


values = [-7.5, -6.0, -0.5, -0.0, 0.0, 0.5, 6.0, 7.5]
divisors = [-2.0, -0.5, 0.5, 2.0, 3.0]
for a in values:
    for b in divisors:
        show(a, b)

# mixed int and float operands
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, 7.0 % 3, -7.0 // 3)
# classic surprises of binary floating point
print(1.0 // 0.1, 1.0 % 0.1, 0.3 // 0.1, 0.3 % 0.1)
print(-1e-20 % 1.0, 1e-20 % -1.0, 5.0 % 1e-300)
print(6.0 % 2.0, -6.0 % 2.0, 6.0 % -2.0, -6.0 % -2.0)
print(1e300 // 1e-300, 1e18 % 7.0)
# infinities
print(3.0 // math.inf, -3.0 // math.inf, 3.0 % math.inf, -3.0 % math.inf)
print(math.inf % 3.0, math.inf // 3.0)
