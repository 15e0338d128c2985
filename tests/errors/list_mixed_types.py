# A list literal whose elements have different types.
# expect: list
# expect: int
# expect: str
# at: 7
xs = [1, 2, 3]
ys = [1, "two", 3]
print(xs, ys)
