# Calls spreading lists, ranges, strs and tuples with `*`: into fixed parameters (CPython's TypeError for too few or too many items), into `*args` (a tuple of run-time length: printed, indexed, sliced, compared, iterated), an empty spread, spreads mixed with positional arguments, max/min of a spread, a constructor.

def f(a, b):
    return a * 10 + b


def g(a, b=7):
    return a * 10 + b


def h():
    return 0


def k(a, b, c, d=2):
    return a + b + c + d


def outer():
    def inner(x):
        return x

    return inner


def show(*args):
    return args


def head_tail(first, *rest):
    return first, rest


def count_args(*args):
    return len(args)


def try_f(xs):
    try:
        print("f:", f(*xs))
    except TypeError as e:
        print("TypeError:", e)


def try_g(xs):
    try:
        print("g:", g(*xs))
    except TypeError as e:
        print("TypeError:", e)


def try_h(xs):
    try:
        print("h:", h(*xs))
    except TypeError as e:
        print("TypeError:", e)


def try_k(xs):
    try:
        print("k:", k(*xs))
    except TypeError as e:
        print("TypeError:", e)


for xs in [[], [1], [1, 2], [1, 2, 3]]:
    try_f(xs)
    try_g(xs)
    try_h(xs)
    try_k(xs)
    print(show(*xs), show(0, *xs), show(*xs, 9), count_args(*xs, *xs))
try:
    print(outer()(*[1, 2]))
except TypeError as e:
    print("TypeError:", e)
lam = lambda x, y: x - y
print(lam(*[5, 3]), lam(5, *[3]), lam(*(5, 3)))
try:
    print(lam(*[1, 2, 3]))
except TypeError as e:
    print("TypeError:", e)
try:
    print(f(1, *[2, 3]))
except TypeError as e:
    print("TypeError:", e)
print(head_tail(*"abc"), head_tail(*range(3)))
try:
    print(head_tail(*[]))
except TypeError as e:
    print("TypeError:", e)
t = show(1, *[2, 3])
print(t, len(t), t[0], t[-1], t[1:], t[::-1], 2 in t, 5 in t, t == (1, 2, 3), t != (1, 2, 3), t == (1, 2))
print(show(*[]) == (), show(*[4]), str(show(*["a", "b"])), repr(show(*["x"])), f"{show(*[1.5])}")
print(list(t), sorted(t, reverse=True), sum(t), max(t), min(t), [x * 2 for x in t])
for i, v in enumerate(t):
    print(i, v, end="; ")
print()
try:
    print(t[3])
except IndexError as e:
    print("IndexError:", e)
nums = [4, 9, 2]
print(max(*nums), min(*nums), max(1, *nums), min(*nums, -1), max(*[2.5, 1.0]))
for bad in [[], [3]]:
    try:
        print(max(*bad))
    except TypeError as e:
        print("TypeError:", e)
try:
    print(min(*[2.5]))
except TypeError as e:
    print("TypeError:", e)
args = [3, 4]
snapshot = show(*args)
args.append(5)
print(snapshot, args)
print(show(*(1, "x")), show(*{"b": 1, "a": 2}))
def forward(*args):
    return show(*args)
print(forward(1, 2), forward(*[7, 8, 9]), forward())


class C:
    def __init__(self, a, b=0):
        self.total = a + b


for xs in [[], [1], [1, 2], [1, 2, 3]]:
    try:
        print(C(*xs).total)
    except TypeError as e:
        print("TypeError:", e)
