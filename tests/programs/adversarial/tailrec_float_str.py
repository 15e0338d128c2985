# accumulator recursion on floats (non-associative), strings and lists: result must follow source order
def f(n):
    if n == 0:
        return 1.0
    return 1e16 / n + f(n - 1)
print(f(5))
def g(n):
    if n == 0:
        return 1e16
    return 1.0 + g(n - 1)
print(g(3))
def h(n):
    if n == 0:
        return 0.5
    return 0.1 * n * h(n - 1)
print(h(7))
def k(n):
    if n == 0:
        return 3.0
    return 1.1 * k(n - 1)
print(k(50))
def m(n):
    if n == 0:
        return -1e308
    return 1e308 + m(n - 1)
print(m(3))
def s(xs, i):
    if i == len(xs):
        return 0.0
    return xs[i] + s(xs, i + 1)
print(s([1e16, 1.0, -1e16, 1.0], 0))
print(s([0.1, 0.2, 0.3], 0))
def cat(n):
    if n == 0:
        return "|"
    return "<" + cat(n - 1) + ">"
print(cat(4))
def cat2(n):
    if n == 0:
        return "|"
    return str(n) + cat2(n - 1)
print(cat2(3))
def lc(n):
    if n == 0:
        return [0]
    return [n] + lc(n - 1)
print(lc(4))
