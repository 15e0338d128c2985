# *args: variadic sums and maxima, mixing leading positional parameters with *args, and f(*xs) calls.


def total(*args):
    s = 0
    for a in args:
        s += a
    return s


def describe(label, *values):
    if not values:
        return label + ": nothing"
    return f"{label}: {len(values)} values, sum {sum(values)}, max {max(values)}"


def joined(sep, *parts):
    return sep.join(parts)


def average(first, *rest):
    n = 1 + len(rest)
    return (first + sum(rest)) / n


print(total(), total(5), total(1, 2, 3), total(10, -20, 30, -40, 50))
print(describe("empty"))
print(describe("a", 4))
print(describe("b", 3, 9, 1))
print(joined("-", "a", "b", "c"), joined(", ", "x"), repr(joined("+")))
print(average(4), average(1, 2), average(1, 2, 3, 4))
