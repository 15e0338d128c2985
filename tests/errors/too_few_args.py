# Calling a function with too few positional arguments.
# expect: argument
# expect: add
# at: 10
def add(a, b):
    return a + b


print(add(1, 2))
print(add(1))
