# Generator pipelines: each stage takes a generator and yields transformed values to the next.


def naturals(start):
    n = start
    while True:
        yield n
        n += 1


def mapped(f, gen):
    for x in gen:
        yield f(x)


def keep(pred, gen):
    for x in gen:
        if pred(x):
            yield x


def take(n, gen):
    if n <= 0:
        return
    count = 0
    for x in gen:
        yield x
        count += 1
        if count == n:
            return


def running_sum(gen):
    total = 0
    for x in gen:
        total += x
        yield total


def tagged(gen, tag):
    i = 0
    for x in gen:
        yield f"{tag}{i}:{x}"
        i += 1


print(list(take(5, naturals(1))))
print(list(take(6, mapped(lambda x: x * x, naturals(0)))))
print(list(take(5, keep(lambda x: x % 7 == 3, naturals(0)))))
print(list(take(8, running_sum(naturals(1)))))
print(list(tagged(take(4, keep(lambda s: len(s) > 2, mapped(str, mapped(lambda x: x ** 3, naturals(1))))), "c")))

stage1 = mapped(lambda x: x * 3, naturals(1))
stage2 = keep(lambda x: x % 2 == 0, stage1)
stage3 = running_sum(stage2)
print(next(stage3), next(stage3), next(stage3))
print(list(take(3, stage3)))
print(next(stage1), next(stage2))


def words(text):
    for w in text.split():
        yield w.strip(".,!?").lower()


def longer_than(n, gen):
    for w in gen:
        if len(w) > n:
            yield w


text = "The quick brown fox jumps over the lazy dog. Then the fox, tired, sleeps!"
print(list(longer_than(3, words(text))))
counts = {}
for w in words(text):
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
print(list(take(0, naturals(5))), list(take(3, words("a b"))))
print(sum(take(100, naturals(1))), max(take(10, mapped(lambda x: (x * 37) % 11, naturals(0)))))
