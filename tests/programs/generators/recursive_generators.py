# Recursive generators: subsets, combinations, compositions of an integer, balanced parentheses.


def subsets(items):
    if not items:
        yield []
        return
    for rest in subsets(items[1:]):
        yield rest
        yield [items[0]] + rest


def combinations(items, k):
    if k == 0:
        yield []
        return
    for i in range(len(items)):
        for tail in combinations(items[i + 1:], k - 1):
            yield [items[i]] + tail


def compositions(n, max_part):
    if n == 0:
        yield []
        return
    for first in range(1, min(n, max_part) + 1):
        for rest in compositions(n - first, max_part):
            yield [first] + rest


def parens(open_left, close_left, prefix):
    if open_left == 0 and close_left == 0:
        yield prefix
        return
    if open_left > 0:
        yield from parens(open_left - 1, close_left, prefix + "(")
    if close_left > open_left:
        yield from parens(open_left, close_left - 1, prefix + ")")


print(sorted(subsets([1, 2, 3])))
print(sum(1 for _ in subsets(list(range(10)))))
print(list(combinations(["a", "b", "c", "d"], 2)))
print([len(list(combinations(list(range(8)), k))) for k in range(9)])
print(list(compositions(4, 4)))
print(len(list(compositions(10, 3))))
print(list(parens(3, 3, "")))
print([sum(1 for _ in parens(n, n, "")) for n in range(1, 9)])
best = []
for combo in combinations([12, 7, 19, 3, 8, 5], 3):
    if sum(combo) == 30:
        best.append(combo)
print(best)
