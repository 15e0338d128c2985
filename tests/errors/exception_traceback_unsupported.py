# `__traceback__` is not supported: a compile error naming the attribute, not a wrong value.
# expect: __traceback__
# at: 7
try:
    int("x")
except ValueError as e:
    print(e.__traceback__)
