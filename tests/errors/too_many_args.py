# Calling a function with too many positional arguments.
# expect: argument
# expect: square
# at: 9
def square(x):
    return x * x


print(square(3, 4))
