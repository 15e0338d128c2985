# Regression: an empty list typed through an alias (`ys = xs; ys.append(1.5)`) types both names.
xs = []
ys = xs
ys.append(1.5)
print(xs, ys)
