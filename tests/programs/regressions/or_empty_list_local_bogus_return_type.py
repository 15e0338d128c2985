# Regression: `or` between an empty local list and a list literal, returned from a function.
def f():
    a = []
    return a or [1]
print(f())
