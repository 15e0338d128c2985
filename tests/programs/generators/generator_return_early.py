# `return` inside a generator ends iteration; generators resumed partially; independent instances.


def until_negative(xs):
    for x in xs:
        if x < 0:
            return
        yield x


def read_tokens(text):
    for tok in text.split():
        if tok == "END":
            return
        if tok.startswith("#"):
            continue
        yield tok


def limited(gen_limit, step):
    value = 0
    produced = 0
    while True:
        if produced == gen_limit:
            return
        yield value
        value += step
        produced += 1


print(list(until_negative([5, 3, 8, -1, 9, 10])), list(until_negative([-5])), list(until_negative([1, 2])))
print(list(read_tokens("a b #skip c END d e")), list(read_tokens("END")), list(read_tokens("x #y z")))
a = limited(4, 10)
b = limited(3, -1)
print(next(a), next(b), next(a), next(b))
print(list(a), list(b), list(a))
total = 0
gens = [limited(n, n) for n in range(1, 5)]
for g in gens:
    for v in g:
        total += v
print("total", total, [list(g) for g in gens])
it = read_tokens("one two three END four")
first = next(it)
rest = [t.upper() for t in it]
print(first, rest)
