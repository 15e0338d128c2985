class Cell:
    def __init__(self, r, c):
        self.r = r
        self.c = c

    def __hash__(self):
        return self.r * 1000003 + self.c

    def __eq__(self, other):
        return self.r == other.r and self.c == other.c

    def __repr__(self):
        return f"Cell({self.r}, {self.c})"


class Picky:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        if self.v < 0:
            raise ValueError(f"negative key {self.v}")
        return self.v

    def __eq__(self, other):
        if self.v == 13 or other.v == 13:
            raise RuntimeError("unlucky comparison")
        return self.v == other.v


seen = {Cell(1, 2): "a", Cell(3, 4): "b"}
print(seen[Cell(1, 2)], Cell(3, 4) in seen, len(seen))
s = {Cell(0, 0), Cell(0, 0), Cell(5, 5)}
print(len(s), Cell(5, 5) in s)
d = {Picky(1): 1, Picky(2): 2}
for k in [Picky(2), Picky(-1), Picky(7)]:
    try:
        print(k.v, d[k])
    except ValueError as e:
        print("ValueError:", e)
    except KeyError:
        print("KeyError", k.v)
try:
    d[Picky(-5)] = 5
except ValueError as e:
    print("ValueError:", e, len(d))
try:
    d[Picky(-5)] = 5
except ValueError as e:
    print("again:", e, len(d))
ps = {Picky(13)}
try:
    ps.add(Picky(13))
except RuntimeError as e:
    print("RuntimeError:", e, len(ps))
try:
    print(Picky(-2) in ps)
except ValueError as e:
    print("ValueError:", e)
try:
    ps.discard(Picky(-3))
except ValueError as e:
    print("discard:", e, len(ps))
print(sorted(p.v for p in ps))
try:
    del d[Picky(-9)]
except ValueError as e:
    print("del:", e, len(d))
print(sorted(k.v for k in d))
u = {Picky(1), Picky(2)} | {Picky(3)}
print(sorted(p.v for p in u))
d[Picky(-1)] = 0
