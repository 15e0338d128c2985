# dicts (literals, counting, get/del/in/len, iteration, items/keys/values, setdefault, dict(zip), comprehension, KeyError) and sets (literal, add/discard, operators, CPython iteration order)
counts = {}
text = "the cat and the hat and the bat"
for w in text.split():
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
print(len(counts), counts["the"], "cat" in counts, "dog" not in counts)
ages = {"ann": 31, "bob": 25}
ages["cy"] = 40
del ages["bob"]
print(ages, ages.get("ann", 0), ages.get("zed", -1))
for k in ages:
    print(k, ages[k])
for k, v in ages.items():
    print(k, "->", v)
print(sorted(ages.keys()), sorted(ages.values()), list(ages.items()))
s = {3, 1, 2, 3}
s.add(10)
s.discard(1)
print(s, len(s), 2 in s, 5 in s)
t = set([5, 3, 8])
print(s | t, s & t, s - t, s ^ t, s <= (s | t), {1, 2} < {1, 2, 3})
e = set()
e.add("x")
print(e, set(), {})
d2 = dict(zip(["a", "b"], [1, 2]))
print(d2, dict())
groups = {}
for n in range(10):
    groups.setdefault(n % 3, []).append(n)
print(groups)
inv = {v: k for k, v in [("a", 1), ("b", 2)]}
print(inv)
print(counts["zzz"])
