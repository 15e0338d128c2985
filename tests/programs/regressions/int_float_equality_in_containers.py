# An int compared with equal floats inside containers: 1 == 1.0 holds in CPython (and hash(1) == hash(1.0)).
# Expected (CPython): "True True True" / "a True" / "True" / "1 1"
# Actual (kiln): "True False False" / "a False" / "False" / "1 1" -- list ==, `in` on a set of floats,
# `in` on a float-keyed dict (although d[1] itself finds the entry) and `in` on a list of tuples say unequal.
print(1 in [1.0, 2.0], [1, 2] == [1.0, 2.0], 2 in {2.0, 3.0})
d = {1.0: "a", 2.5: "b"}
print(d[1], 1 in d)
print((1, 2) in [(1.0, 2.0)])
xs = [1.0, 2.0]
print(xs.index(2), xs.count(1))
