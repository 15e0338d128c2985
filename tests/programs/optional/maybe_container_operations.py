# A value that is None or a list, used every way: printing, comparing, truthiness, narrowing,
# and CPython's TypeError/AttributeError for len, indexing, iteration, methods and `in` on None.
def find(rows, n):
    for r in rows:
        if len(r) == n:
            return r
    return None

rows = [[1], [], [2, 3]]
a = find(rows, 0)
b = find(rows, 5)
c = find(rows, 2)
for v in (a, b, c):
    print(v, v is None, v == None, bool(v), "yes" if v else "no")
print(a == [], c == [2, 3], b != c)
print(f"{a} {b!r} {c}")
print(str(b), repr(c))
t = (b, c)
print(t)
if c:
    print(len(c), c[-1], sum(c))
if c is not None:
    for x in c:
        print(x)
    c.append(4)
print(c)
try:
    print(len(b))
except TypeError as e:
    print("TypeError:", e)
try:
    print(b[0])
except TypeError as e:
    print("TypeError:", e)
try:
    for x in b:
        print(x)
except TypeError as e:
    print("TypeError:", e)
try:
    b.append(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(3 in b)
except TypeError as e:
    print("TypeError:", e)
d = {"k": {"x": 1}}
inner = d.get("k")
print(inner, d.get("q"))
if inner is not None:
    print(inner["x"])
s = None
for w in ["b", "a"]:
    if s is None:
        s = set()
    s.add(w)
print(sorted(s))
