# a computed str.format template with more fields than arguments raises CPython's IndexError
row = "{} | " * 2 + "{}"
print(row.format(1, 2, 3))
print(row.format("a", "b"))
