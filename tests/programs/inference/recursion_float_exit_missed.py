# Float counting recursion whose equality exit test is never hit exactly: RecursionError
print("start")
def f(x):
    if x == 1.0:
        return 0
    return 1 + f(x - 0.1)
print(f(2.0))
