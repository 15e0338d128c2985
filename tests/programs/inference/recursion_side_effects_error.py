# Recursion with side effects (global list appends, list mutation, prints) and an exception at the bottom of the recursion
calls = []
def f(n):
    calls.append(n)
    if n == 0:
        return 0
    return n + f(n - 1)

print(f(5), calls)

def g(xs, i):
    if i >= len(xs):
        return 0
    xs[i] = xs[i] * 2
    return xs[i] + g(xs, i + 1)

ys = [1, 2, 3]
print(g(ys, 0), ys)

def h(n, acc):
    if n == 0:
        return acc
    acc.append(n)
    return len(acc) * h(n - 1, acc)

zs = []
print(h(5, zs), zs)

def k(n):
    if n == 0:
        return 1
    print("k", n)
    return n * k(n - 1)
print(k(4))

def m(n):
    if n > 3:
        return n + m(n // 2)
    if n == 3:
        return 0
    return 1 + m(n + 1)
print(m(100), m(1))

def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)
print(deep(850))

def bad(n):
    if n == 0:
        return 1 // n
    return n + bad(n - 1)
print(bad(20))
