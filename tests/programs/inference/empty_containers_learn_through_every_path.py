# Empty containers whose type is learned far from where they are made: through an append to
# an item, `+=` on an item, an alias of an item, a function result, a dict value, a tuple part,
# a callee, a field alias, a default argument, setdefault, `or`, a comprehension, a call that
# returns one of its arguments.
inner = []
e = []
e.append(inner)
e[0].append("x")
print(e, inner)

a = []
b = [a]
b[0] += ["y"]
print(a, b)

c = []
d = [c]
x = d[0]
x.append(1.5)
print(c, d, x)

def last_row(g):
    g.append([])
    return g[len(g) - 1]

g = []
last_row(g).append("q")
print(g)

def make():
    return []

m = make()
m.append((1, "a"))
print(m)

cols = {}
cols["k"] = []
cols["k"].append(2.5)
print(cols)

t = ([], 3)
t[0].append("z")
print(t)

def fill(xs, v):
    xs.append(v)

p = []
fill(p, "s")
print(p)

class Box:
    def __init__(self):
        self.items = []

bx = Box()
lst = bx.items
lst.append(7.5)
print(bx.items)

def grow(acc=[]):
    acc.append(len(acc) * 0.5)
    return acc

grow()
print(grow())

groups = {}
for w in ["ab", "ba", "cd"]:
    groups.setdefault("".join(sorted(w)), []).append(w)
print(groups)

q = []
r = q or ["w"]
print(q, r)

rows = [[] for _ in range(3)]
rows[1].append("m")
print(rows)

def pick(flag, xs, ys):
    if flag:
        return xs
    return ys

u = []
v = []
pick(True, u, v).append(1.25)
print(u, v)
