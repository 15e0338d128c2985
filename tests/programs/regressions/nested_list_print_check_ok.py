# Regression: printing a list of lists.
g = [[1, 2], [3]]
print(g)
