# Set comprehensions are not supported yet (list comprehensions are).
# expect: does not support
# expect: set
# at: 5
evens = {i for i in range(10) if i % 2 == 0}
print(evens)
