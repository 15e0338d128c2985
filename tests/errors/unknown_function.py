# Calling a function that does not exist.
# expect: not defined
# expect: frobnicate
# at: 6
x = 3
y = frobnicate(x)
print(y)
