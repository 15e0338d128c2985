# kiln: build
# accumulator-style recursion (x + f(...), f(...) + x, n * f(...)) with side effects, early returns in loops, mutual recursion
def p(x):
    print("p", x)
    return x
def s(n):
    if n == 0:
        return 0
    return p(n) + s(n - 1)
print(s(4))
def s2(n):
    if n == 0:
        return 0
    return s2(n - 1) + p(n)
print(s2(4))
def prod(n):
    if n <= 1:
        return 1
    return n * prod(n - 1)
print(prod(20))
def loop_early(n, acc):
    for i in range(n):
        if i == 2:
            return acc + loop_early(n - 1, acc + i)
        if n < 3:
            return acc
    return -acc
print(loop_early(6, 1))
def fsum(n):
    if n == 0:
        return 0.0
    return 0.1 + fsum(n - 1)
print(fsum(10))
def fsum2(n):
    if n == 0:
        return 0.0
    return fsum2(n - 1) + 0.1
print(fsum2(10))
def ssum(n):
    if n == 0:
        return ""
    return str(n) + ssum(n - 1)
print(ssum(12))
def even(n):
    if n == 0:
        return True
    return odd(n - 1)
def odd(n):
    if n == 0:
        return False
    return even(n - 1)
print(even(10), odd(7), even(101))
def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)
print(deep(900))
def sub(n):
    if n == 0:
        return 0
    return n - sub(n - 1)
print(sub(10))
def mixed(n):
    if n == 0:
        return 1
    if n % 2:
        return 2 * mixed(n - 1)
    return 3 + mixed(n - 1)
print(mixed(10))
def fac_f(n):
    if n <= 1:
        return 1.0
    return n * fac_f(n - 1)
print(fac_f(25), fac_f(170))
def lst(n, xs):
    if n == 0:
        return 0
    xs.append(n)
    return len(xs) + lst(n - 1, xs)
ys = [0]
print(lst(5, ys), ys)
