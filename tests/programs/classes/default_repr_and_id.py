class P:
    def __init__(self, x):
        self.x = x


class Q(P):
    pass


a = P(1)
b = Q(2)
s = repr(a)
print(s.startswith("<__main__.P object at 0x"), s.endswith(">"))
print(str(b).startswith("<__main__.Q object at 0x"))
print(f"{a}" == repr(a), id(a) == id(a), id(a) != id(b))
print(int(s[s.index("0x"):-1], 16) == id(a))
xs = [a]
print(str(xs) == "[" + repr(a) + "]")
ps: list[P] = [a, b]
print([repr(p).split(" ")[0] for p in ps])
print(hash(a) == id(a) >> 4, hash(a) == hash(a), hash(a) != hash(b))
seen = {a: 1, b: 2}
print(seen[a], seen[b], a in seen)
