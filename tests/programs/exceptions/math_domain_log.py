# ValueError: math domain error from math.log(0).
import math

x = 1000.0
while True:
    print("log", x, math.log(x))
    x = x / 10 - 1
