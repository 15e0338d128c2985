class Noisy:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("  eq", self.v, other.v)
        return self.v == other.v

    def __hash__(self):
        return self.v


a, b, c = Noisy(1), Noisy(2), Noisy(3)
print(b in (a, b, c))
print(a in (a, b))
print(Noisy(3) in (a, b, c))
print(Noisy(9) not in (a, b))
print(2 in (1, 2, 3), "x" in ("y", "x"))
