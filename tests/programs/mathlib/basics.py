# kiln: build
# math.sqrt, floor, ceil, fabs, pow (floor and ceil return ints).
import math

for x in [0.0, 1.0, 2.0, 2.25, 10.0, 1e10, 1e-10, 123456789.0]:
    print("sqrt", x, math.sqrt(x))
for x in [2.5, -2.5, 3.0, -3.0, 0.1, -0.1, 1e15 + 0.5, -7.999999, 0.0, -0.0]:
    print("floor/ceil", x, math.floor(x), math.ceil(x), math.floor(x) + 1)
print(math.floor(7), math.ceil(-7), math.floor(-1) * 2, math.floor(9007199254740993.0))
for x in [-3.5, 3.5, -0.0, 0.0, -1e300]:
    print("fabs", x, math.fabs(x))
print(math.fabs(-4), math.sqrt(16), math.sqrt(2) * math.sqrt(2))
for b in [2.0, -2.0, 0.5, 10.0]:
    for e in [0.0, 1.0, 2.0, 3.0, -1.0, 0.5]:
        if b < 0 and e == 0.5:
            continue
        print("pow", b, e, math.pow(b, e))
print(math.pow(2, 10), math.pow(0, 0), math.pow(1.0001, 10000), math.pow(-1, 1e10))
n = 0
x = 1.0
while math.floor(x) < 1000:
    x = x * 1.7
    n += 1
print(n, x, math.floor(x), math.ceil(x))
