# Appending a str to a list of ints.
# expect: int
# expect: str
# at: 7
xs = [1, 2, 3]
xs.append(4)
xs.append("five")
print(xs)
