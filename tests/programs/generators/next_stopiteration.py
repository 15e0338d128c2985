# next() on exhausted generators raises StopIteration; next(g, default) returns the default.


def take_three():
    yield "a"
    yield "b"
    yield "c"


g = take_three()
print(next(g), next(g), next(g))
try:
    next(g)
    print("not reached")
except StopIteration:
    print("StopIteration after three values")
print(next(g, "default"), next(g, "again"))


def numbers(n):
    i = 0
    while i < n:
        yield i * 10
        i += 1


gen = numbers(4)
out = []
while True:
    try:
        out.append(next(gen))
    except StopIteration:
        break
print(out)

empty = numbers(0)
print(next(empty, -1))
try:
    print(next(numbers(0)))
except StopIteration as e:
    print("empty generator raised StopIteration:", repr(str(e)))


def first_match(gen_, pred):
    for x in gen_:
        if pred(x):
            return x
    return -1


print(first_match(numbers(10), lambda x: x > 35), first_match(numbers(3), lambda x: x > 35))

g2 = numbers(5)
for x in g2:
    if x == 20:
        break
print("resumed after break:", next(g2), list(g2), next(g2, 999))


def manual_zip(a, b):
    while True:
        try:
            x = next(a)
            y = next(b)
        except StopIteration:
            return
        yield (x, y)


print(list(manual_zip(numbers(5), take_three())))
