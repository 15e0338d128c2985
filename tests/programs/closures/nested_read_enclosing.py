# Nested functions reading variables of the enclosing function (several levels, late binding).


def report(title, rows):
    width = max(len(r) for r in rows) + 2
    border = "+" + "-" * width + "+"

    def line(text):
        return "| " + text.ljust(width - 1) + "|"

    def block():
        out = [border, line(title.upper()), border]
        for r in rows:
            out.append(line(r))
        out.append(border)
        return out

    return "\n".join(block())


print(report("fruits", ["apple", "kiwi", "watermelon"]))


def outer(a):
    b = a * 2

    def middle(c):
        d = b + c

        def inner(e):
            return a + b + c + d + e

        return inner(100)

    return [middle(x) for x in range(3)]


print(outer(1), outer(10))


def late_binding():
    x = 1

    def get():
        return x

    first = get()
    x = 2
    second = get()
    x = 3
    return [first, second, get()]


print(late_binding())


def stats(values):
    n = len(values)
    mean = sum(values) / n

    def deviation(v):
        return v - mean

    def variance():
        return sum(deviation(v) ** 2 for v in values) / n

    return mean, variance(), [round(deviation(v), 2) for v in values]


print(stats([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]))


def find_pairs(nums, target):
    seen = set()
    found = []

    def check(x):
        if target - x in seen:
            found.append((target - x, x))
        seen.add(x)

    for x in nums:
        check(x)
    return found


print(find_pairs([1, 5, 7, -1, 5, 3, 4], 6))
