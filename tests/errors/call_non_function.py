# Calling something that is not a function.
# expect: not callable
# at: 6
limit = 10
print(limit)
print(limit(3))
