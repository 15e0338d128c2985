# Calls that spread a list or range into positional arguments (`f(*xs)`).

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


nums = [7, 8, 9, 10]
print(total(*nums), describe("spread", *nums), average(*nums))
print(total(*range(101)))
words = ["kiln", "compiles", "python"]
print(joined(" ", *words), joined("", *[w[0] for w in words]))
print(max(*nums), min(3, *nums), total(1, *nums, 100))
