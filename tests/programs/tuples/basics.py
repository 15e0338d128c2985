# tuple literals, indexing, slicing, unpacking (nested, starred), comparison, `in`, repr
def divmod2(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b

q, r = divmod2(17, 5)
print(q, r)
t = (1, "two", 3.0, True, None)
print(t)
print((1,), ())
print(t[1], t[-1], t[1:3], t[::-1])
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(pairs)
for n, s in pairs:
    print(n, s)
a, (b, c) = 1, (2, 3)
print(a, b, c)
x, *rest, z = (1, 2, 3, 4, 5)
print(x, rest, z)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1, 2, 3) > (1, 2), (2,) <= (1, 9))
print(3 in (1, 2, 3), "q" not in ("a", "b"))
u = (4, 5, 6)
i = 2
print(u[i], len(u))
xs = [1, 2, 3]
p1, p2, p3 = xs
print(p1 + p2 + p3)
best = (0, "")
for pr in pairs:
    if pr > best:
        best = pr
print(best)
if t:
    print("nonempty")
print(str((1.5, 'x')), repr(("a'b",)))
