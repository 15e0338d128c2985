# Generators and closures together: generators defined inside closures, closures used inside generators, a nested recursive generator.


def make_source(data):
    pulled = 0

    def gen():
        nonlocal pulled
        for x in data:
            pulled += 1
            yield x

    def count():
        return pulled

    return gen, count


gen, count = make_source([3, 1, 4])
print(list(gen()), count())
g = gen()
print(next(g), count())


def numbered(lines):
    n = 0

    def label(s):
        return f"{n}:{s}"

    for line in lines:
        n += 1
        yield label(line)


print(list(numbered(["a", "b"])))


def scaled(xs, k):
    f = lambda v: v * k
    for x in xs:
        yield f(x)
    k = 100


print(list(scaled([1, 2], 3)))


class Graph:
    def __init__(self):
        self.adj = {}

    def add(self, a, b):
        self.adj.setdefault(a, []).append(b)
        self.adj.setdefault(b, []).append(a)

    def dfs(self, start):
        seen = set()

        def visit(n):
            seen.add(n)
            yield n
            for m in sorted(self.adj.get(n, [])):
                if m not in seen:
                    yield from visit(m)

        yield from visit(start)


gr = Graph()
for a, b in [(1, 2), (1, 3), (2, 4), (3, 4), (4, 5)]:
    gr.add(a, b)
print(list(gr.dfs(1)), list(gr.dfs(5)))
