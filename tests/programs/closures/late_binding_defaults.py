# Late binding of loop and comprehension variables in closures, and defaults evaluated once when the closure is made.

def scale_all(factor, xs):
    fs = [lambda v: v * factor + i for i in xs]
    gs = [lambda v, i=i: v * factor + i for i in xs]
    return [f(2) for f in fs], [g(2) for g in gs], [g(2, 100) for g in gs]


print(scale_all(3, [1, 2, 3]))
print(scale_all(1, []))

pairs = [lambda: (a, b) for a in range(2) for b in "xy"]
print([p() for p in pairs])
tagged = [lambda s, k=k, w=w: s + k * w for k, w in [("a", 1), ("b", 2), ("c", 3)]]
print([t("<") for t in tagged], [t("<", "z") for t in tagged])
names = {k: (lambda: k + "!") for k in ["x", "y"]}
print(names["x"](), names["y"]())


def make_adders():
    out = []
    for i in range(3):
        out.append(lambda x: x + i)
    return out


print([f(10) for f in make_adders()])


def make_adders_default():
    out = []
    for i in range(3):
        out.append(lambda x, i=i: x + i)
    return out


print([f(10) for f in make_adders_default()])

counter = 0


def bump():
    global counter
    counter += 1
    return counter


def defaults_once():
    def g(x=bump()):
        return x

    return g() + g() + g(10)


print(defaults_once(), defaults_once(), counter)
base = 5
h = lambda x, y=base * 2: x + y
base = 100
print(h(1), h(1, 1))


def nested_default(n):
    total = [n]

    def add(v, acc=total):
        acc.append(v)
        return len(acc)

    add(1)
    add(2)
    return total


print(nested_default(7))
i = 99
vals = [lambda: i for i in range(3)]
print([v() for v in vals], i)

print([(lambda: x * 2)() for x in range(3)])
grid = [[lambda: (r, c) for c in range(2)] for r in range(3)]
print([[f() for f in row] for row in grid])
fs = [lambda: x for x in range(4) if (lambda: x % 2 == 0)()]
print([f() for f in fs])
s = {(lambda: x)() for x in [3, 1, 3]}
print(sorted(s))
words = ["ab", "cde", ""]
by_len = [lambda w=w: len(w) for w in words]
print([f() for f in by_len])
def gen():
    for k in range(3):
        yield [lambda: k * j for j in range(2)]
print([[f() for f in fs] for fs in gen()])
