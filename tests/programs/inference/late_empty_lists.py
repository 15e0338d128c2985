# Empty lists typed late: callees two levels deep, aliases, [[]], +=, [] * n, annotations, defaults evaluated once
def fill(xs, n):
    for i in range(n):
        xs.append(i * 1.5)

def fill2(xs, n):
    if n > 0:
        fill(xs, n)

a = []
fill2(a, 3)
print(a, len(a))

def mk():
    return []

b = mk()
b.append(7)
print(b)

c = []
d = c
d.append(True)
print(c, d)

e = [[]]
e[0].append(3.0)
print(e)

f = []
f += [1, 2]
print(f)

g = [] * 3
g.append("x")
print(g)

h: list[float] = []
h.append(1.25)
print(h)

def grow(xs=[]):
    xs.append(len(xs))
    return xs

print(grow())
print(grow())
z = grow([10, 20])
print(z)
print(grow())
