# __hash__ collisions, negative hashes, -1 hashes, identity-hashed keys, tuple keys holding objects.


class Key:
    def __init__(self, name, bucket):
        self.name = name
        self.bucket = bucket

    def __hash__(self):
        # Many keys share a hash: lookups must fall back to __eq__.
        return self.bucket

    def __eq__(self, other):
        return self.name == other.name

    def __repr__(self):
        return f"Key({self.name})"


class Token:
    # No __eq__ and no __hash__: hashed and compared by identity.
    def __init__(self, label):
        self.label = label

    def __repr__(self):
        return "<" + self.label + ">"


keys = [Key("a", 1), Key("b", 1), Key("c", -1), Key("d", -5), Key("e", 1), Key("a", 7)]
d = {}
for i, k in enumerate(keys):
    d[k] = d.get(k, 0) + i
print(len(d), d)
print(hash(Key("x", -1)), hash(Key("y", -2)), hash(Key("z", -7)), hash(Key("w", 0)))
print(Key("b", 99) in d, Key("q", 1) in d, d[Key("c", -1)])
s = set(keys)
print(len(s), sorted(k.name for k in s))
s.discard(Key("b", 1))
print(len(s), Key("b", 1) in s, Key("e", 1) in s)

t1 = Token("one")
t2 = Token("two")
t3 = Token("one")
seen = {t1: 1, t2: 2}
seen[t3] = 3
seen[t1] += 10
print(len(seen), seen[t1], seen[t3], t3 in seen, Token("two") in seen)
print([repr(t) for t in seen])
bag = {t1, t2, t1, t3}
print(len(bag), t2 in bag)

pairs = {(Key("a", 1), 1): "first", (Key("a", 2), 2): "second"}
print(pairs[(Key("a", 1), 1)], (Key("a", 2), 2) in pairs, (Key("a", 1), 3) in pairs, len(pairs))
print(hash((1, 2)) == hash((1, 2)), hash((Key("m", 3), 4)) == hash((3, 4)))
print(hash((Key("m", -1), "s")) == hash((-2, "s")))


class Handle:
    # No __repr__ either: a missing key's KeyError is caught, never printed.
    def __init__(self, n):
        self.n = n


h1 = Handle(1)
h2 = Handle(2)
table = {h1: "one"}
table[h2] = "two"
print(table[h1], table[h2], len(table), h1 in table, Handle(1) in table)
try:
    print(table[Handle(3)])
except KeyError:
    print("missing")
members = {h1, h2, h1}
members.remove(h1)
print(len(members), h2 in members, h1 in members, [m.n for m in members])
