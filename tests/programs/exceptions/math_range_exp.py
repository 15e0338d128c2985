# OverflowError: math range error from math.exp of a large argument.
import math

for x in [1.0, 100.0, 700.0, 709.0, 710.0]:
    print("exp", x, math.exp(x))
