# Function factories that return different lambdas or nested functions depending on a branch.


def make_op(kind, n):
    if kind == "add":
        return lambda x: x + n
    elif kind == "mul":
        return lambda x: x * n
    elif kind == "pow":
        def power(x):
            result = 1
            for _ in range(n):
                result *= x
            return result
        return power
    else:
        return lambda x: x


for kind in ["add", "mul", "pow", "other"]:
    f = make_op(kind, 3)
    print(kind, [f(x) for x in range(5)])


def make_formatter(style):
    if style == "upper":
        return lambda s: s.upper()
    if style == "title":
        return lambda s: s.title()
    if style == "bracket":
        left = "["
        right = "]"
        return lambda s: left + s + right
    width = len(style)
    return lambda s: s.rjust(width + len(s), "*")


for style in ["upper", "title", "bracket", "???"]:
    fmt = make_formatter(style)
    print(style, "|", fmt("hello world"), "|", fmt("kiln"))


def choose_cmp(descending, by_len):
    if by_len:
        if descending:
            return lambda a, b: len(a) > len(b)
        return lambda a, b: len(a) < len(b)
    if descending:
        return lambda a, b: a > b
    return lambda a, b: a < b


def insertion_sort(items, before):
    out = []
    for item in items:
        i = len(out)
        while i > 0 and before(item, out[i - 1]):
            i -= 1
        out.insert(i, item)
    return out


words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
for desc in [False, True]:
    for by_len in [False, True]:
        print(desc, by_len, insertion_sort(words, choose_cmp(desc, by_len)))

grade = lambda score: "A" if score >= 90 else ("B" if score >= 75 else "C")
print([grade(s) for s in [95, 80, 60, 75, 90]])
