# A `__hash__` whose 64-bit arithmetic overflows raises OverflowError out of the dict store
# (CPython's ints are unbounded, so this is kiln-only); the dict is left unchanged.
class Cell:
    def __init__(self, r, c):
        self.r = r
        self.c = c

    def __hash__(self):
        return self.r * 1000003 + self.c

    def __eq__(self, other):
        return self.r == other.r and self.c == other.c


seen = {Cell(1, 2): "a"}
try:
    seen[Cell(2**62, 0)] = "big"
except OverflowError as e:
    print("OverflowError:", e)
print(len(seen), Cell(1, 2) in seen)
print(Cell(2**62, 1) in seen)
