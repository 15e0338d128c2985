# Generator functions consumed by for loops, list(), sum(), max(), sorted(), enumerate() and next().


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def evens(limit):
    for i in range(0, limit, 2):
        yield i


def squares_of(xs):
    for x in xs:
        yield x * x


def words(text):
    for w in text.split():
        if w.isalpha():
            yield w.lower()


for x in countdown(5):
    print("tick", x)
print(list(countdown(3)), list(countdown(0)))
print(sum(evens(11)), max(evens(11)), list(evens(1)))
print(list(squares_of([3, -1, 4])), sum(squares_of(range(10))))
print(sorted(words("The quick 2 brown Fox, jumps over THE lazy dog")))
for i, w in enumerate(words("alpha beta gamma")):
    print(i, w)
g = countdown(3)
print(next(g), next(g), next(g))
gen = squares_of(evens(9))
print(next(gen), list(gen))
total = 0
for v in countdown(100):
    total += v
print(total)
pairs = list(zip(countdown(4), evens(100)))
print(pairs)
print(" ".join(str(n) for n in countdown(6)))
print(min(squares_of([5, -2, 3])), len(list(words("one two three four"))))
