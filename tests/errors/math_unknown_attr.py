# An attribute that the math module does not have.
# expect: math
# expect: sqroot
# expect: no attribute | no function
# at: 8
import math

r = math.sqroot(2.0)
print(r)
