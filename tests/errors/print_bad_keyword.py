# print() with a keyword argument it does not have.
# expect: keyword argument
# expect: color
# at: 5
print("hello", color="red")
