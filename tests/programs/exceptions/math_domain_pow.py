# ValueError: math domain error from math.pow of a negative base with a fractional exponent.
import math

print(math.pow(-8.0, 3.0), math.pow(8.0, 1 / 3))
print(math.pow(-8.0, 1 / 3))
