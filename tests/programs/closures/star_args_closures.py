# *args functions: iterating the tuple, len, indexing, slicing, and closures over *args.


def describe(*args):
    if len(args) == 0:
        return "nothing"
    parts = []
    for i in range(len(args)):
        parts.append(f"#{i}={args[i]}")
    return f"{len(args)} args: " + ", ".join(parts) + f" first={args[0]} last={args[-1]}"


print(describe())
print(describe(4))
print(describe(3, 1, 4, 1, 5))


def total_and_max(label, *nums):
    best = 0
    s = 0
    for i in range(len(nums)):
        n = nums[i]
        s += n
        if i == 0 or n > best:
            best = n
    return f"{label}: sum={s} max={best} n={len(nums)}"


print(total_and_max("a", 5, 9, 2))
print(total_and_max("b", 0))
print(total_and_max("c", -3, -7))


def join_words(sep, *words):
    out = ""
    for w in words:
        if out != "":
            out += sep
        out += w
    return out


print(join_words("-", "x", "y", "z"), join_words(", ", "one"), join_words("+", "a", "b"))


def make_poly(*coeffs):
    def evaluate(x):
        result = 0
        for c in coeffs[::-1]:
            result = result * x + c
        return result
    return evaluate


p = make_poly(1, 2, 3)
q = make_poly(5)
print([p(x) for x in range(5)], [q(x) for x in range(3)])


def pick(*items):
    n = len(items)
    return items[n // 2], items[1:], items[::2], items[::-1]


print(pick(10, 20, 30, 40, 50))
print(pick("a", "b"))


def tagged(tag, *values):
    return [f"{tag}{v}" for v in values if v % 2 == 1]


print(tagged("odd:", 1, 2, 3, 4, 5), tagged("none", 2, 4))
print(max(3, 8, 1), min(4, 2, 9), 7 in (1, 7, 3))
