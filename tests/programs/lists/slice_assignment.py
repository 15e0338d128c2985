# slice assignment (contiguous, extended, insertion, clearing), del of slices, dict equality; a size mismatch raises ValueError
xs = list(range(10))
xs[2:5] = [20, 30]
print(xs)
xs[::2] = [0, 0, 0, 0, 0]
print(xs)
xs[1:1] = [7, 7]
print(xs)
del xs[::3]
print(xs)
del xs[1:3]
print(xs)
xs[:] = []
print(xs)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, {} == {})
ys = [1, 2, 3]
ys[::2] = [9]
