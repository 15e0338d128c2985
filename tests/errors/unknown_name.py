# Reading a variable that was never assigned.
# expect: not defined
# expect: countr
# at: 7
counter = 0
counter += 1
print(countr)
