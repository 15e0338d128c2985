# `__cause__` is not supported yet: a compile error naming the attribute, not a wrong None.
# expect: __cause__
# at: 7
try:
    int("x")
except ValueError as e:
    print(e.__cause__)
