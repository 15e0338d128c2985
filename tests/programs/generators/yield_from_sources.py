# `yield from` over lists, ranges and other generators, mixed with plain yields.


def letters_then_numbers(word, n):
    for ch in word:
        yield ch
    yield "|"
    for i in range(n):
        yield str(i)


print(list(letters_then_numbers("abc", 3)), list(letters_then_numbers("", 0)))


def squares(n):
    for i in range(n):
        yield i * i


def chain3(a, b, c):
    yield from a
    yield -1
    yield from b
    yield -2
    yield from c


def countdown(n):
    yield from range(n, 0, -1)


print(list(chain3([1, 2], squares(4), countdown(3))))
print(list(chain3([], squares(0), countdown(0))))
print(list(chain3([7], countdown(2), squares(3))))


def numbered(lines):
    n = 0
    for line in lines:
        n += 1
        yield f"{n}: {line}"


def document(title, sections):
    yield title.upper()
    yield "=" * len(title)
    for name, body in sections:
        yield f"[{name}]"
        yield from numbered(body)
    yield "-- end --"


for line in document("report", [("intro", ["hello", "world"]), ("data", ["x=1", "y=2", "z=3"]), ("empty", [])]):
    print(line)


def repeat_each(gen, k):
    for x in gen:
        yield from [x] * k


print(list(repeat_each(squares(4), 2)), sum(repeat_each([1, 10, 100], 3)))


def flatten(rows):
    for row in rows:
        yield from row


grid = [[1, 2, 3], [], [4], [5, 6]]
print(list(flatten(grid)), sum(flatten(grid)))


def interleave(a, b):
    i = 0
    while i < len(a) or i < len(b):
        if i < len(a):
            yield a[i]
        if i < len(b):
            yield b[i]
        i += 1


def outer(a, b):
    yield "start"
    yield from interleave(a, b)
    yield from interleave(b, a)
    yield "stop"


print(list(outer(["a", "b", "c"], ["X"])))
