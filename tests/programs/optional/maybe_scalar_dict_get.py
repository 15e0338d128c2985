# d.get(k) without a default on dicts of ints, strs and floats: None or the value, printed,
# compared, tested for truth, and used after `is not None` / `is None: continue` narrowing.
d = {"a": 1, "b": 0, "c": -5}
for k in ["a", "b", "z"]:
    v = d.get(k)
    print(k, v, repr(v), str(v), f"{v}", f"{v!r}", v is None, v is not None, v == None, v != None)
    if v is None:
        print("missing")
    else:
        print("double", v * 2, v + 1, -v)
    if v:
        print("truthy")
    print(bool(v), not v, v == 0, v == 1, 1 == v, v != 0, isinstance(v, int), isinstance(v, str))
print(d.get("a"), d.get("q"), d.get("a") is None, d.get("q") is None, d.get(3) is None)
names = {"x": "ex", "y": ""}
for k in ["x", "y", "w"]:
    s = names.get(k)
    if s is not None:
        print(s.upper(), len(s), s + "!", s in "text")
    print(s, repr(s), s == "ex", s or "(empty)")
fl = {"pi": 3.5}
print(fl.get("pi"), fl.get("e"), f"{fl.get('pi'):6.2f}", format(fl.get("e")))
x = fl.get("pi")
if x is not None and x > 3:
    print("big", x / 2)
total = 0
kept = []
for k in ["a", "b", "c", "zz"]:
    v = d.get(k)
    if v is None:
        continue
    total += v
    kept.append(v)
print(total, kept, [d.get(k) or 0 for k in "abz"])
other = {"a": 1, "b": 0}
print(d.get("a") == other.get("a"), d.get("z") == other.get("z"), d.get("b") == other.get("c"))


def look(k):
    v = d.get(k)
    if v is None:
        return -1
    return v * 100


def lookup_or_none(k):
    v = d.get(k)
    return v * 10 if v is not None else None


print(look("a"), look("nope"), lookup_or_none("c"), lookup_or_none("x"))
y = d.get("a")
assert y is not None
print(y + 1, y in [1, 2], d.get("q") in [1, 2])
