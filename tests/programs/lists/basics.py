# List literal, indexing (also negative), item assignment, len, append, printing.
xs = [10, 20, 30, 40, 50]
print(xs, len(xs), xs[0], xs[4], xs[-1], xs[-5], xs[2])
xs[0] = 11
xs[-1] = 55
xs[2] += 3
print(xs)
xs.append(60)
xs.append(-70)
print(xs, len(xs), xs[-1], xs[len(xs) - 2])
empty = [0]
empty[0] = 1
ys = []
print(ys, len(ys))
for i in range(5):
    ys.append(i * i)
print(ys, len(ys))
i = 0
total = 0
while i < len(ys):
    total += ys[i]
    i += 1
print("sum", total)
idx = [4, 0, 3, 1, 2]
out = []
for k in idx:
    out.append(ys[k])
print(out)
zs = [7]
print(zs, zs[0], zs[-1], len(zs))
nested_index = [2, 0, 1]
print(xs[nested_index[nested_index[0]]], xs[-len(xs)])
