# OverflowError: cannot convert float infinity to integer (math.floor returns an int).
import math

for v in [2.5, -2.5, 1e18, math.inf]:
    print("floor", v, math.floor(v))
