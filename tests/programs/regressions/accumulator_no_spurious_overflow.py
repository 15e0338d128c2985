# Regression: recursion turned into an accumulator loop must not overflow on partial sums that
# the recursion never forms (the sums below all fit in 64 bits in CPython's order).
def mul(n):
    if n == 0:
        return 0
    return 3037000500 * mul(n - 1)

def add(n):
    if n == 0:
        return -4 * 2 ** 61
    return 2 ** 61 + add(n - 1)

print(mul(3))
print(add(4))
