# kiln: build
# The same function used with ints, floats and strings (one instance per argument types).
def add(a, b):
    return a + b


def twice(x):
    return x * 2


def square(x):
    return x * x


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def total(xs):
    s = xs[0] - xs[0]
    for x in xs:
        s += x
    return s


print(add(1, 2), add(1.5, 2.25), add("ab", "cd"), add(1, 0.5), add(0.5, 1))
print(twice(21), twice(1.25), twice(-3), twice(0.1))
print(square(12), square(1.5), square(-0.0), square(3037000499))
print(clamp(5, 0, 10), clamp(-5, 0, 10), clamp(15, 0, 10), clamp(2.5, 0.0, 1.0), clamp(0.25, 0.0, 1.0))
print(total([1, 2, 3, 4]), total([0.5, 0.25, 0.125]), total([10]))


def first_or(xs, default):
    if len(xs) > 0:
        return xs[0]
    return default


empty_ints = [0]
empty_ints[0] = 5
print(first_or(empty_ints, -1), first_or([2.5, 3.5], 0.0), first_or(["x"], "none"))


def mean(xs):
    return total(xs) / len(xs)


print(mean([1, 2, 3, 4]), mean([1.5, 2.5]), mean([7]))
