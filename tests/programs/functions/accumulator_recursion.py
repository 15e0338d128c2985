# kiln: build
# Recursive functions of the shape `return x + f(...)` / `return x * f(...)`, which kiln turns
# into loops with an accumulator: results, side-effect order and early returns must not change.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def sum_to(n, step=1):
    if n <= 0:
        return 0
    return n + sum_to(n - step, step)


def noisy(n):
    # The print must happen before the deeper calls' prints, as in CPython.
    print("enter", n)
    if n == 0:
        return 100
    return n + noisy(n - 1)


def early(n, limit):
    for i in range(3):
        if i == limit:
            return i * 1000
    if n == 0:
        return -1
    return 2 + early(n - 1, limit)


def mixed_sign(n):
    if n == 0:
        return 0
    if n % 2 == 0:
        return -n + mixed_sign(n - 1)
    return n + mixed_sign(n - 1)


def pick(xs, i):
    if i == len(xs):
        return 0
    return xs[i] + pick(xs, i + 1)


print(fib(25), fact(20), sum_to(900), sum_to(9, 2))
print(noisy(3))
print(early(5, 7), early(5, 1), early(0, 9))
print(mixed_sign(101), mixed_sign(0))
print(pick([3, 1, 4, 1, 5, 9, 2, 6], 0))
