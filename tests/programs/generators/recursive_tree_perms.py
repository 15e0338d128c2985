# Recursive generators: tree walks with paths, permutations, binary strings and integer partitions.


class Dir:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.files = []

    def add(self, child):
        self.children.append(child)
        return child


def walk(d, prefix):
    path = prefix + d.name + "/"
    yield path
    for f in d.files:
        yield path + f
    for c in d.children:
        yield from walk(c, path)


def depth_first_sizes(d, depth):
    yield (depth, d.name, len(d.files))
    for c in d.children:
        yield from depth_first_sizes(c, depth + 1)


root = Dir("")
src = root.add(Dir("src"))
src.files = ["main.py", "util.py"]
tests = src.add(Dir("tests"))
tests.files = ["test_util.py"]
docs = root.add(Dir("docs"))
docs.files = ["index.md"]
docs.add(Dir("img"))
for p in walk(root, ""):
    print(p)
print(list(depth_first_sizes(root, 0)))


def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


print(list(permutations([1, 2, 3])))
print(len(list(permutations([1, 2, 3, 4, 5]))), ["".join(p) for p in permutations(["a", "b", "c"])])


def binary_strings(n):
    if n == 0:
        yield ""
        return
    for s in binary_strings(n - 1):
        yield s + "0"
        yield s + "1"


print(list(binary_strings(3)))
print([s for s in binary_strings(5) if "11" not in s][:8], sum(1 for s in binary_strings(10) if "11" not in s))


def partitions(n, largest):
    if n == 0:
        yield []
        return
    for k in range(min(n, largest), 0, -1):
        for rest in partitions(n - k, k):
            yield [k] + rest


for part in partitions(6, 6):
    print(part)
print([len(list(partitions(n, n))) for n in range(1, 12)])
