# assert statements caught as AssertionError, with and without messages.


def check_sorted(xs):
    for i in range(len(xs) - 1):
        assert xs[i] <= xs[i + 1], f"out of order at {i}: {xs[i]} > {xs[i + 1]}"
    return True


def check_positive(n):
    assert n > 0
    return n


for xs in [[1, 2, 3], [3, 1, 2], [], [5, 5, 6, 4]]:
    try:
        print(xs, check_sorted(xs))
    except AssertionError as e:
        print(xs, "assertion failed:", e)

for n in [3, 0, -2]:
    try:
        print(check_positive(n))
    except AssertionError as e:
        print("bare assert failed, message", repr(str(e)), "args", e.args)

passed = 0
failed = 0
for a in range(-3, 4):
    try:
        assert a * a < 5, "square too big: " + str(a * a)
        passed += 1
    except AssertionError as e:
        failed += 1
        print(e)
print("passed", passed, "failed", failed)

try:
    assert 1 + 1 == 3, "math is broken"
except Exception as e:
    print(type(e).__name__, e, isinstance(e, AssertionError))

x = 10
try:
    assert isinstance(x, int) and x > 5
    print("x ok")
    assert x < 5, x
except AssertionError as e:
    print("x failed with", e, e.args)
