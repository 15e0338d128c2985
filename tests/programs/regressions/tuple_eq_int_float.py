# Tuple equality between int and float positions: CPython compares 1 == 1.0 as equal.
# Expected (CPython): "True False True True" then "True False True"
# Actual (kiln): "False True False False" (== / != on tuples of differing numeric types is always unequal; < <= > agree)
a = (1, 2)
b = (1.0, 2.0)
print(a == b, a != b, (1,) == (1.0,), (1, "x") == (1.0, "x"))
print(a <= b, a < b, (1, 3) > (1.0, 2.5))
