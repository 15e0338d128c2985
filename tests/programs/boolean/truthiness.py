# Truth values of ints, floats and bools in if, while, not and conditional expressions.
import math

for x in [0, 1, -1, 2, 100]:
    if x:
        print(x, "is truthy")
    else:
        print(x, "is falsy")
for y in [0.0, -0.0, 0.5, -2.0, math.inf, math.nan, 1e-300]:
    print(y, "truthy" if y else "falsy", not y)
n = 5
while n:
    print("n =", n)
    n -= 1
flag = False
print(1 if flag else 2, 3 if not flag else 4, not flag)
z = 0
if not z:
    print("not 0 is True")
if 0.0 or -0.0:
    print("wrong")
else:
    print("0.0 or -0.0 is falsy")
