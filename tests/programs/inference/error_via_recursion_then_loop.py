# ZeroDivisionError raised in a loop of a callee reached through recursion, after partial output
def f(xs):
    out = []
    for x in xs:
        out.append(10 / x)
    return out
def g(n):
    if n == 0:
        return f([3, 2, 1, 0])
    print("g", n)
    return g(n - 1)
print(g(3))
