# list comprehensions (conditions, nested, tuple targets, own scope) and generator expressions in calls
xs = [3, 1, 4, 1, 5, 9, 2, 6]
sq = [x * x for x in xs]
print(sq)
print([x for x in xs if x % 2 == 1])
print([(i, x) for i, x in enumerate(xs) if i < 3])
print([[r * c for c in range(3)] for r in range(3)])
print([x + y for x in [1, 2] for y in [10, 20] if x + y != 21])
x = "outer"
ys = [x for x in range(3)]
print(x, ys)
print(sum(v * v for v in xs), max([v for v in xs]), any(v > 8 for v in xs), all(v > 0 for v in xs))
words = ["apple", "fig", "banana"]
print([len(w) for w in words], sorted([w for w in words if len(w) > 3]))
empty = [v for v in xs if v > 100]
print(empty, len(empty))
def f(n):
    return [i * 2.5 for i in range(n)]
print(f(3))
flat = [v for row in [[1, 2], [3]] for v in row]
print(flat)
