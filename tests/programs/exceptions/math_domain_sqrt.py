# ValueError: math domain error from math.sqrt of a negative number.
import math

for x in [4.0, 1.0, 0.0, -0.0, -1.0]:
    print("sqrt", x, math.sqrt(x))
