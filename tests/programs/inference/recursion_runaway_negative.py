# Runaway accumulator recursion (exit test n == 0 called with -1): RecursionError
def f(n):
    if n == 0:
        return 0
    return 1 + f(n - 1)
print("go")
print(f(-1))
