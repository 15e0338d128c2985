# Accumulator recursion (n + f, n * f, str + f, x - f, mutual): results, early returns in loops, order of float and str folds
def sum_to(n):
    if n == 0:
        return 0
    return n + sum_to(n - 1)

def prod(n):
    if n <= 1:
        return 1
    return n * prod(n - 1)

def fsum(n):
    if n == 0:
        return 0.0
    return 0.5 + fsum(n - 1)

def strcat(n):
    if n == 0:
        return ""
    return str(n) + strcat(n - 1)

def lsum(xs, i):
    if i == len(xs):
        return 0
    return xs[i] + lsum(xs, i + 1)

def first_neg(xs, i):
    for j in range(i, len(xs)):
        if xs[j] < 0:
            return j
    return -1

def count_down(n):
    if n < 0:
        return 0
    for k in range(3):
        if k == n:
            return 100 + k
    return 1 + count_down(n - 1)

def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

def sub(n):
    if n == 0:
        return 0
    return n - sub(n - 1)

def fpow(x, n):
    if n == 0:
        return 1
    return x * fpow(x, n - 1)

print(sum_to(800), prod(20), fsum(700), strcat(15))
print(lsum([1, 2, 3, 45], 0))
print(first_neg([3, 1, -4], 0), count_down(10), count_down(1))
print(is_even(500), is_odd(501), is_even(7))
print(sub(10), sub(11), fpow(3, 10), fpow(2, 62))
print(fpow(2, 10), fpow(-3, 3))
def mix(n):
    if n == 0:
        return 1
    if n % 2 == 0:
        return 3 + mix(n - 1)
    return 2 * mix(n - 1)

def mix2(n):
    if n == 0:
        return 1
    if n % 3 == 0:
        return mix2(n - 1) - 1
    return 2 * mix2(n - 1)

def sm(n):
    if n == 0:
        return 0
    return n - sm(n - 1)

def cond(n):
    return n + cond(n - 1) if n > 0 else 0

def fl(n):
    if n == 0:
        return 0.1
    if n % 2:
        return 0.1 * fl(n - 1)
    return 1e-3 + fl(n - 1)

def lst(n):
    if n == 0:
        return [0]
    return lst(n - 1) + [n]

def lst2(n):
    if n == 0:
        return []
    return [n] + lst2(n - 1)

def divs(n):
    if n == 1:
        return 1.0
    return n / divs(n - 1)

def pw(n):
    if n == 0:
        return 2
    return pw(n - 1) ** 2 % 1000003

def loopret(n):
    if n == 0:
        return 0
    for i in range(n):
        if i * i > n:
            return i + loopret(n - 1)
    return 1 + loopret(n - 1)

def neg(n):
    if n == 0:
        return 1
    return -neg(n - 1) + n

print("mix", mix(20), mix2(20), sm(11), cond(30))
print(fl(13))
print(lst(5), lst2(5))
print(divs(9))
print(pw(10))
print(loopret(60), neg(9))
