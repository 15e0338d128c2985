# Tuples holding values that may be None: printed, compared (position by position, stopping
# at the first difference, as CPython), unpacked, indexed, searched and %-formatted.
d = {"a": 1, "b": 2}
s = {"a": "x"}
def pair(k):
    return d.get(k), s.get(k)
for k in "abz":
    p = pair(k)
    v, t = p
    print(p, repr(p), str(p), f"{p}", p == (1, "x"), p == (None, None), p != (2, None), len(p))
    print(v, t, p[0], p[1], None in p, 1 in p, "x" in p)
    print("%s and %s" % p, "%r" % (p,))
    for x in (v, d.get("q")):
        print("item", x)
    try:
        print(p < (1, "y"))
    except TypeError as e:
        print("TE", e)
print(pair("a") + (3,), (pair("b") + pair("z"))[1:3])
