# A lambda that reads a local variable of its function would need a closure.
# expect: lambdas that use local variables
# expect: k
# at: 6
def scaled(k):
    return sorted([3, 1, 2], key=lambda x: x * k)


print(scaled(2))
