# Functions passed as arguments and returned: map/filter/fold written by hand, dispatch tables.


def my_map(f, xs):
    return [f(x) for x in xs]


def my_filter(pred, xs):
    out = []
    for x in xs:
        if pred(x):
            out.append(x)
    return out


def fold(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


def count_where(pred, xs):
    return sum(1 for x in xs if pred(x))


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


nums = list(range(1, 21))
print(my_map(abs, [-3, 4, -5]))
print(my_filter(is_prime, nums))
print(fold(add, nums, 0), fold(mul, nums[:10], 1), fold(max, [3, 9, 2], 0))
print(fold(lambda acc, x: acc + [x * x], [1, 2, 3], [0]))
print(apply_n(lambda s: s + "!", 3, "hey"), apply_n(lambda v: v * 3, 4, 1))
print(count_where(is_prime, nums), count_where(lambda n: n % 3 == 0, nums))


def choose(op):
    if op == "+":
        return add
    if op == "*":
        return mul
    return lambda a, b: a - b


for op in ["+", "*", "-"]:
    f = choose(op)
    print(op, f(6, 7), fold(f, [1, 2, 3, 4], 10))

handlers = {"double": lambda x: x * 2, "negate": lambda x: -x, "prime?": lambda x: 1 if is_prime(x) else 0}
for name in sorted(handlers):
    print(name, my_map(handlers[name], [2, 9, 13]))
print(sorted(nums, key=lambda n: (not is_prime(n), -n))[:10])
