# A function assigns a module-level name without `global`, so the name is local to the
# function and read before it is assigned: UnboundLocalError at run time, as in CPython.
total = 0


def add(n):
    total = total + n
    return total


print(add(5))
