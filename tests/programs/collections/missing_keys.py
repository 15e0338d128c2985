# defaultdict inserts on a missing read; Counter does not.
from collections import defaultdict, Counter

d = defaultdict(int)
print(d["a"], len(d))
print("a" in d)
print(d.get("b"), len(d))
print(d.get("b", 7), len(d))

c = Counter()
print(c["a"], len(c))
print("a" in c)
c["a"] += 1
print(c["a"], len(c))

lists = defaultdict(list)
x = lists["k"]
print(x, len(lists))
x.append(5)
print(lists)

del d["a"]
print(d, len(d))
try:
    del c["zzz"]
except KeyError as e:
    print("KeyError", e)

c2 = Counter("abca")
del c2["a"]
print(c2)
print(c2.get("q", 0), c2.get("b", 0))
