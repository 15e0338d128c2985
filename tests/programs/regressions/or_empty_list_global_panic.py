# Regression: `or` between an empty list and a list literal, at module level.
a: list[int] = []
c = a or [1]
print(c)
