# __hash__ + __eq__: user objects as dict keys and set elements.


class Cell:
    def __init__(self, row, col):
        self.row = row
        self.col = col

    def __eq__(self, other):
        return self.row == other.row and self.col == other.col

    def __hash__(self):
        return hash((self.row, self.col))

    def __repr__(self):
        return f"Cell({self.row},{self.col})"

    def neighbours(self):
        out = []
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr != 0 or dc != 0:
                    out.append(Cell(self.row + dr, self.col + dc))
        return out


class Color:
    def __init__(self, name, r, g, b):
        self.name = name
        self.rgb = (r, g, b)

    def __eq__(self, other):
        return self.rgb == other.rgb

    def __hash__(self):
        return hash(self.rgb)

    def __repr__(self):
        return self.name


visits = {}
path = [Cell(0, 0), Cell(0, 1), Cell(1, 1), Cell(0, 1), Cell(0, 0), Cell(0, 1), Cell(2, 2)]
for c in path:
    visits[c] = visits.get(c, 0) + 1
print(len(visits))
for c in visits:
    print(c, visits[c])
print(visits[Cell(0, 1)], Cell(5, 5) in visits, Cell(2, 2) in visits)

seen = set(path)
print(len(seen), Cell(1, 1) in seen, Cell(1, 2) in seen)
print(sorted(seen, key=lambda c: (c.row, c.col)))

live = {Cell(1, 0), Cell(1, 1), Cell(1, 2)}
counts = {}
for c in live:
    for n in c.neighbours():
        counts[n] = counts.get(n, 0) + 1
born = [c for c in counts if counts[c] == 3 and c not in live]
stay = [c for c in live if counts.get(c, 0) in (2, 3)]
print("born", sorted(born, key=lambda c: (c.row, c.col)))
print("stay", sorted(stay, key=lambda c: (c.row, c.col)))

red = Color("red", 255, 0, 0)
crimson = Color("crimson", 255, 0, 0)
blue = Color("blue", 0, 0, 255)
print(red == crimson, red == blue, hash(red) == hash(crimson))
palette = {red: "warm", blue: "cool"}
print(palette[crimson], len(palette))
palette[crimson] = "hot"
print(len(palette), palette[red], list(palette.keys()))
uniq = []
for col in [red, blue, crimson, Color("navy", 0, 0, 128), Color("azure", 0, 0, 255)]:
    if col not in uniq:
        uniq.append(col)
print(uniq)
print(len({red, crimson, blue}))
removed = palette.pop(Color("x", 0, 0, 255))
print(removed, palette)
