# __len__, __getitem__, __setitem__, __contains__, __bool__ on user containers.


class Grid:
    def __init__(self, w, h, fill):
        self.w = w
        self.h = h
        self.cells = [fill] * (w * h)

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, pos):
        x, y = pos
        return self.cells[y * self.w + x]

    def __setitem__(self, pos, value):
        x, y = pos
        self.cells[y * self.w + x] = value

    def __contains__(self, value):
        return value in self.cells

    def row(self, y):
        return "".join(self.cells[y * self.w:(y + 1) * self.w])


class Bag:
    def __init__(self):
        self.counts = {}

    def add(self, item, n=1):
        self.counts[item] = self.counts.get(item, 0) + n

    def __len__(self):
        return sum(self.counts.values())

    def __contains__(self, item):
        return self.counts.get(item, 0) > 0

    def __getitem__(self, item):
        return self.counts.get(item, 0)

    def __setitem__(self, item, n):
        self.counts[item] = n

    def __bool__(self):
        return len(self) > 0


g = Grid(6, 4, ".")
print(len(g), "#" in g)
g[0, 0] = "#"
g[5, 3] = "#"
for i in range(4):
    g[i + 1, i] = "*"
print("#" in g, "*" in g, "@" in g, "@" not in g)
for y in range(4):
    print(g.row(y))
print(g[1, 0], g[0, 0], g[2, 1])
count = 0
for y in range(g.h):
    for x in range(g.w):
        if g[x, y] != ".":
            count += 1
print("filled:", count)

b = Bag()
print(len(b), bool(b), "apple" in b)
if not b:
    print("bag is empty")
b.add("apple")
b.add("pear", 3)
b.add("apple", 2)
print(len(b), bool(b), "apple" in b, "plum" in b, b["apple"], b["plum"])
b["plum"] = 4
b["pear"] = 0
print(len(b), "pear" in b, "plum" in b, b["plum"])
if b:
    print("bag has", len(b), "items")
for k in sorted(b.counts):
    print(" ", k, b[k])
b["apple"] = 0
b["plum"] = 0
print(len(b), bool(b))
while not b:
    b.add("fig")
print(len(b), b["fig"])
