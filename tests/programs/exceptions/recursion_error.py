# RecursionError from runaway recursion (no base case).
def f(n):
    return f(n + 1) + 1


print("starting")
print(f(0))
