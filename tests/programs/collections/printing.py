# repr of defaultdicts and Counters, empty and nested.
from collections import defaultdict, Counter

d = defaultdict(list)
print(d)
d["a"].append(1)
d["b"].append(2)
d["a"].append(3)
print(d)
print(repr(d), str(d))
print(f"{d}")

e = defaultdict(int)
print(e)
print(e["zero"])
print(e)

s = defaultdict(set)
s["odd"].add(1)
s["odd"].add(3)
s["even"].add(2)
s["odd"].add(1)
print(s)

f = defaultdict(float)
f["x"] += 1.5
print(f)

st = defaultdict(str)
st["k"] += "ab"
st["k"] += "cd"
print(st)

nested = defaultdict(dict)
nested["a"]["b"] = 1
print(nested)

grid = defaultdict(list)
grid[(0, 0)].append([1, 2])
print(grid)

c = Counter()
print(c)
print([Counter("aab"), Counter("b")])
print({"x": Counter("zzy")})
print([defaultdict(int)])
print(Counter("hello"))
