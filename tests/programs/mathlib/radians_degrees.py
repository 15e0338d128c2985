# math.radians and math.degrees (CPython multiplies by pi/180 and 180/pi).
import math
for x in [0.0, 1.0, 45.0, 90.0, 180.0, -30.5, 1e300, 0.1]:
    print(math.radians(x), math.degrees(x), math.degrees(math.radians(x)))
print(math.radians(3), math.degrees(True))
