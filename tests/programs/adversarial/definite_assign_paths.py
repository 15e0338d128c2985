# variables assigned on every path through if/elif/else, for-else, while True with break: no false UnboundLocalError
def f(c):
    if c:
        v = 1
    elif c is None:
        pass
    else:
        v = 2
    return v
print(f(True), f(False))
def g(xs):
    for x in xs:
        if x > 2:
            r = x
            break
    else:
        r = -1
    return r
print(g([1, 5]), g([1]))
def h(xs):
    for x in xs:
        if x > 2:
            break
    else:
        return -1
    return x
print(h([3]), h([0]))
def k(n):
    i = 0
    while True:
        if i == n:
            q = i * 2
            break
        i += 1
    return q
print(k(4))
