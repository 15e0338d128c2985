# Generator expressions as lazy values: late binding of captured variables, the outermost
# iterable evaluated at once, nested and multi-clause genexprs, any/all stopping early.

log = []


def source(n):
    for i in range(n):
        log.append(f"src {i}")
        yield i


def late_binding():
    k = 1
    g = (x * k for x in [1, 2, 3])
    k = 10
    return list(g)


def outer_iterable_first():
    xs = [1, 2]
    g = (x for x in xs)
    xs = [9, 9, 9]
    return list(g), xs


def nested(n):
    rows = (sum(y for y in range(x)) for x in range(n))
    return [r for r in rows]


def pairs(limit):
    return list((a, b) for a in range(limit) for b in range(a) if (a + b) % 2 == 1)


print(late_binding(), outer_iterable_first(), nested(5), pairs(5))

log.clear()
print(any(a * b > 6 for a in source(4) for b in range(a)))
print(log)
log.clear()
print(all(a < 2 for a in source(5)), log)

g = (x * x for x in source(3))
print(next(g), next(g), next(g), next(g, -1), next(g, -2))

for i, w in enumerate(c.upper() for c in "abc"):
    print(i, w)
for a, b in zip((n * 2 for n in source(10)), ["x", "y"]):
    print(a, b)
print(log)


class Bag:
    def __init__(self, items):
        self.items = items

    def doubled(self):
        return (2 * x for x in self.items)


bag = Bag([4, 5])
d = bag.doubled()
bag.items.append(6)
print(list(d))

inv = (10 // x for x in [5, 2, 0, 1])
try:
    for v in inv:
        print("got", v)
except ZeroDivisionError as e:
    print("caught", e)
print(any(x > 0 for x in []), all(x > 0 for x in []), sum(x for x in []))
