# List comprehensions are not in this milestone.
# expect: does not support
# expect: comprehension
# at: 5
squares = [i * i for i in range(10)]
print(squares)
