# kiln: build
# How lists of each element type print (floats use repr, strings are quoted).
import math

print([1, -2, 3])
print([0.1, 0.2, 0.1 + 0.2, 1e16, 1e-05, -0.0, 2.0, 1 / 3])
print([math.inf, -math.inf, math.nan, 1e300 * 1e10])
print([True, False, True])
print(["a", "bc", "", "with space", "héllo", "日本"])
print(["it's", 'say "hi"', "both ' and \""])
ints = [5] * 3
floats = [0.5] * 4
bools = [False] * 2
strs = ["ab"] * 3
print(ints, floats, bools, strs)
print("list:", [1, 2], "and", [1.5], sep=" ")
print(str(3) + str(len([1, 2, 3])))
