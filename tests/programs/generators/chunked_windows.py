# Generators that reshape sequences: chunks, sliding windows, pairwise, run-length groups, interleave.


def chunks(xs, n):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


def windows(xs, n):
    for i in range(len(xs) - n + 1):
        yield xs[i:i + n]


def pairwise(xs):
    for i in range(1, len(xs)):
        yield (xs[i - 1], xs[i])


def runs(s):
    if not s:
        return
    cur = s[0]
    count = 0
    for ch in s:
        if ch == cur:
            count += 1
        else:
            yield (cur, count)
            cur = ch
            count = 1
    yield (cur, count)


def interleave(a, b):
    i = 0
    while i < len(a) or i < len(b):
        if i < len(a):
            yield a[i]
        if i < len(b):
            yield b[i]
        i += 1


data = list(range(1, 11))
print(list(chunks(data, 3)), list(chunks(data, 5)), list(chunks([], 2)))
print(list(windows(data, 4))[:3], len(list(windows(data, 4))), list(windows(data, 11)))
print([sum(w) / len(w) for w in windows([2, 4, 6, 8, 10], 3)])
print(list(pairwise(["a", "b", "c", "d"])), list(pairwise(["solo"])))
print([b - a for a, b in pairwise([1, 4, 9, 16, 25])])
print(list(runs("aaabccddddde")), list(runs("")))
encoded = "".join(f"{ch}{n}" for ch, n in runs("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"))
print(encoded)
print(list(interleave([1, 3, 5, 7], [2, 4])), "".join(interleave("ace", "bdfgh")))
print(max(windows([3, 1, 4, 1, 5, 9, 2, 6], 3), key=sum))
