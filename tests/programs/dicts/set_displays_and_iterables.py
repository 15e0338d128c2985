# constant set displays print and iterate in CPython's frozenset order; sorted/min/max/sum/list over sets, strings and dicts
print({5, 3, 9, 1, 7}, {"pear", "fig", "apple", "kiwi"}, {2.5, -1.0, 3.25})
for x in {40, 10, 30, 20}:
    print(x, end=" ")
print()
print([w for w in {"x", "yy", "zzz"}])
s = {100, 5, 77}
s.add(1)
print(s, sorted({9, 8, 7}))
s = {3, 1, 2}
print(max(s), min(s), sum(s), len(s), sorted("cab"), max("hello"))
d = {"b": 2, "a": 1}
print(max(d), sorted(d), list(d), sum(d.values()))
