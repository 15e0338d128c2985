# accumulator recursion reading/mutating globals, reassociation-sensitive forms, exception raised at the base case
cnt = 0
def bump():
    global cnt
    cnt += 1
    return cnt
def f(n):
    if n == 0:
        return cnt * 1000
    return bump() + f(n - 1)
print(f(3), cnt)
def g(n):
    if n == 0:
        return cnt * 1000
    return g(n - 1) + bump()
print(g(3), cnt)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20))
def h(n):
    if n <= 0:
        return 0
    return n + (h(n - 1) if n > 5 else 100)
print(h(10))
def k(n):
    if n <= 0:
        return 1
    x = n
    n = n - 1
    return x * k(n)
print(k(10))
def m(n, acc=0):
    if n == 0:
        return acc
    return 1 + m(n - 1, acc + n)
print(m(10))
def mm(xs, i):
    if i >= len(xs):
        return 0
    xs[i] = xs[i] * 2
    return xs[i] + mm(xs, i + 1)
L = [1, 2, 3]
print(mm(L, 0), L)
def neg(n):
    if n == 0:
        return 0
    return -1 + neg(n - 1)
print(neg(50))
def t(n):
    if n == 0:
        return 1
    return 2 * t(n - 1) * 1
print(t(62))
def bad(n):
    if n == 0:
        return 1 // n
    print("bad", n)
    return n + bad(n - 1)
print(bad(3))
