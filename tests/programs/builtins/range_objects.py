r = range(10)
print(r, range(1, 10, 2), range(5, -3, -2), range(0))
print(len(r), len(range(5, -3, -2)), len(range(3, 3)), len(range(10, 0, 3)))
print(r[3], r[-1], range(5, -3, -2)[2])
print(3 in r, 10 in r, -1 in r, 4 in range(0, 10, 3), 6 in range(0, 10, 3), 1 in range(5, -3, -2), 3 in range(5, -3, -2))
print(r.start, r.stop, r.step)
print(list(r), sum(range(100)), sorted(range(5, 0, -1)), max(range(7)))
for i in range(2, 20, 5):
    print(i, end=" ")
print()
rr = range(10, 0, -3)
for i in rr:
    print(i, end=" ")
print()
print([x * x for x in rr])
print(bool(range(0)), bool(range(1)))
if range(3):
    print("truthy")
def f(xs):
    total = 0
    for x in xs:
        total += x
    return total, len(xs), xs
print(f(range(4)))
print(f"{range(3)!r} {str(range(1,2))}")
print(list(reversed(range(4))), list(enumerate(range(3))), list(zip(range(3), "abc")))
try:
    print(r[10])
except IndexError as e:
    print("IndexError", e)
try:
    print(range(1, 10, 0))
except ValueError as e:
    print("ValueError", e)
print(any(x > 5 for x in range(10)), all(range(1, 4)))
print(range(3) == range(3))
print(range(0) == range(4, 2), range(1, 2) == range(1, 5, 10), range(0, 5, 2) != range(0, 6, 2), range(0, 5, 2) == range(0, 6, 3))
