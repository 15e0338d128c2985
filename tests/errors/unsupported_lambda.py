# Lambdas are not in this milestone.
# expect: does not support
# expect: lambda
# at: 5
square = lambda x: x * x
print(square(3))
