# list aliasing: shared references, [x]*n of lists, mutation through params, list + list copies
a = [1, 2, 3]
b = a
b.append(4)
b[0] = 100
print(a, b)
def mutate(xs):
    xs[0] += 1
    xs.append(len(xs))
    xs = [9]
    xs.append(8)
    return xs
c = mutate(a)
print(a, c)
grid = [[0] * 3] * 2
grid[0][1] = 5
print(grid[0], grid[1])
rows = [["a"] * 2] * 3
rows[1][0] = "z"
print(rows[0], rows[1], rows[2], len(rows))
rows2 = [["a"] * 2, ["a"] * 2]
rows2[1][0] = "z"
print(rows2[0], rows2[1])
g = [[1, 2], [3]]
h = g[0]
h.append(9)
print(g[0], g[1])
g[0] = [7]
print(g[0], g[1], h)
e = [] + [1]
e2 = e + e
e2[0] = 5
print(e, e2)
e += [2]
print(e)
x = [1.5] * 3
x[1] = -0.0
print(x, [True] * 2, [False] * 0)
print(len([[]] * 4))
def addto(xs, v=[0]):
    v.append(v[-1] + 1)
    xs.append(v[-1])
    return xs
m = []
m.append(0)
addto(m)
addto(m)
print(addto(m))
i = 0
zs = [10, 20, 30]
i, zs[i] = 1, 99
print(i, zs)
p, q = zs[0], zs[2]
zs[0], zs[2] = q, p
print(zs)
aa = bb = [5]
aa.append(6)
print(bb)
