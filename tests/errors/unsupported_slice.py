# Slicing is not in this milestone.
# expect: does not support
# expect: slic
# at: 6
xs = [1, 2, 3, 4]
ys = xs[1:3]
print(ys)
