# Sets and dicts of instances with __hash__: CPython iteration order, set algebra, dict equality, tuple keys.
# kiln: build


class Cell:
    def __init__(self, r, c):
        self.r = r
        self.c = c

    def __eq__(self, other):
        return self.r == other.r and self.c == other.c

    def __hash__(self):
        return hash((self.r, self.c))

    def __repr__(self):
        return f"C{self.r}{self.c}"


class Tagged(Cell):
    pass


s = {Cell(3, 1), Cell(0, 0), Cell(1, 5), Cell(-2, 4), Cell(7, 7)}
print(s)
for c in {Cell(1, 0), Cell(1, 1), Cell(0, -1)}:
    print(c, end=" ")
print()
print({c for c in [Cell(2, 2), Cell(2, 2), Cell(9, 1)]})
mixed = {Cell(1, 1): "cell", Tagged(1, 1): "tagged", Tagged(4, 4): "t"}
print(mixed, Cell(4, 4) in mixed)
fs = s | {Cell(5, 5)}
print(len(fs), fs - s, s & {Cell(0, 0), Cell(8, 8)})
print({Cell(1, 2): 1} == {Cell(1, 2): 1}, {Cell(1, 2): 1} == {Cell(2, 1): 1})
xs = [1, 2]
ys = xs
print(xs is ys, xs is not [1, 2], [] is xs)
print(hash(Cell(1, 2)) == hash((1, 2)), hash(-1), hash((-1,)) == hash((-2,)))
d = {}
d[(Cell(1, 1), "a")] = 3
print(d, d[(Cell(1, 1), "a")])
print(sorted(set([Cell(2, 1), Cell(1, 2), Cell(2, 1)]), key=lambda c: c.r))
