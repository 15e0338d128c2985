# A function assigns a module-level name without `global`, so the name is local to the function
# and is read before it is assigned (CPython would raise UnboundLocalError at run time).
# expect: total
# expect: local
# at: 10
total = 0


def add(n):
    total = total + n
    return total


print(add(5))
