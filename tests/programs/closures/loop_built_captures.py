# Closures capturing data built in loops: lookup tables, per-key lists and memo dicts shared by closures.


def build_lookup(pairs):
    table = {}
    for k, v in pairs:
        table[k] = table.get(k, 0) + v

    def lookup(k):
        return table.get(k, -1)

    def keys():
        return sorted(table)

    return lookup, keys


lookup, keys = build_lookup([("a", 1), ("b", 2), ("a", 10), ("c", 5), ("b", 1)])
print(keys(), [lookup(k) for k in ["a", "b", "c", "z"]])


def make_matchers(words):
    by_first = {}
    for w in words:
        if w[0] not in by_first:
            by_first[w[0]] = []
        by_first[w[0]].append(w)
    matchers = []
    for letter in sorted(by_first):
        matchers.append(make_prefix_matcher(letter, by_first[letter]))
    return matchers


def make_prefix_matcher(letter, group):
    def matcher(prefix):
        if not prefix.startswith(letter):
            return []
        return [w for w in group if w.startswith(prefix)]
    return matcher


ms = make_matchers(["apple", "apricot", "banana", "blueberry", "avocado", "cherry", "bean"])
for prefix in ["a", "ap", "b", "bl", "c", "z"]:
    print(prefix, [m(prefix) for m in ms])


def memoize_table(f):
    cache = {}
    hits = [0, 0]

    def wrapper(n):
        if n in cache:
            hits[0] += 1
            return cache[n]
        hits[1] += 1
        v = f(n)
        cache[n] = v
        return v

    def stats():
        return hits[0], hits[1], sorted(cache.items())

    return wrapper, stats


def slow_square(n):
    return n * n


sq, sq_stats = memoize_table(slow_square)
for n in [3, 4, 3, 5, 4, 3, 10]:
    print(n, sq(n), end="; ")
print()
print(sq_stats())

memo = {0: 0, 1: 1}


def fib(n):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]


print([fib(i) for i in range(0, 60, 6)], len(memo))
squares = []
for i in range(1, 6):
    squares.append(i * i)
total = lambda: sum(squares)
print(total())
squares.append(100)
print(total(), squares)
