# Assigning to a slice is not supported yet (reading slices is).
# expect: does not support
# at: 6
xs = [1, 2, 3, 4]
print(xs[1:3])
xs[1:3] = [9]
print(xs)
