# Counting recursion whose exit test is stepped over (n - 2 misses n == 1): RecursionError after output, like CPython
def f(n):
    if n <= 0:
        return 0
    return 1 + f(n - 2)
def g(n):
    if n == 1:
        return 0
    return 1 + g(n - 2)
print(f(9))
print(g(9))
print(g(8))
