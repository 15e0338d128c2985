# Wrapping functions by hand (no decorator syntax): call counters, logging wrappers, argument checks.


def counted(f):
    calls = 0

    def wrapper(x):
        nonlocal calls
        calls += 1
        return f(x)

    def count():
        return calls

    return wrapper, count


def logged(name, f):
    def wrapper(x):
        r = f(x)
        print(f"  {name}({x}) = {r}")
        return r
    return wrapper


def checked_nonneg(f):
    def wrapper(x):
        if x < 0:
            return -1
        return f(x)
    return wrapper


def isqrt(n):
    r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    return r


def digits(n):
    return len(str(n))


safe_isqrt = checked_nonneg(isqrt)
print([safe_isqrt(x) for x in [-4, 0, 1, 15, 16, 99, 100]])
counted_digits, digit_calls = counted(digits)
for v in [5, 50, 500, 123456]:
    counted_digits(v)
print("digits called", digit_calls(), "times")
loud = logged("isqrt", checked_nonneg(isqrt))
total = 0
for v in [10, -3, 64]:
    total += loud(v)
print("total", total)
inner, inner_count = counted(isqrt)
outer = logged("counted isqrt", inner)
outer(50)
outer(81)
print("inner calls", inner_count())
twice = logged("twice", logged("once", lambda x: x * 2))
print(twice(21))
