# *args tuples used as sequences: iteration, builtins, join, indexing guarded by length.


def stats(*xs):
    if len(xs) == 0:
        return "none"
    return f"n={len(xs)} min={min(xs)} max={max(xs)} sum={sum(xs)} first={xs[0]} last={xs[-1]}"


def sep_join(sep, *words):
    return sep.join(words) + "|" + str(len(words))


def pick(i, *xs):
    return xs[i] if 0 <= i < len(xs) else -1


def count_true(*flags):
    n = 0
    for f in flags:
        if f:
            n += 1
    return n, any(flags), all(flags)


print(stats(), stats(4), stats(3, -1, 7))
print(sep_join("-"), sep_join("-", "a"), sep_join(", ", "x", "y", "z"))
print(pick(0), pick(1, 10, 20), pick(5, 1, 2))
print(count_true(), count_true(True, False), count_true(True, True))
t = (3, 1, 2)
print(sorted(t), max(t), " ".join(("p", "q")), list(t), [x * 2 for x in t])
for x in []:
    print("never", x)
print([y for y in []], sum(1 for _ in ()))
