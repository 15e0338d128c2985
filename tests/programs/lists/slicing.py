# list slicing with every combination of bounds and steps (negative, out of range, empty); step 0 raises
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[::2], xs[::-1], xs[-3:], xs[:-7], xs[8:2:-2], xs[100:], xs[-100:2])
print(xs[1:9:3], xs[5:5], xs[::-3], [[1, 2], [3]][1:])
words = ["a", "b", "c"]
first, rest = words[0], words[1:]
print(first, rest)
print(xs[::0])
