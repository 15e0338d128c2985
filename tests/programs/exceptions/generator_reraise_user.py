# User exceptions raised inside generators and closures: converted in a generator, caught by base class, counted by callers.


class AppError(Exception):
    pass


class ParseError(AppError):
    def __init__(self, text):
        super().__init__(f"cannot parse {text!r}")
        self.text = text


def parse_all(items):
    for s in items:
        try:
            yield int(s)
        except ValueError as e:
            raise ParseError(s)


try:
    for v in parse_all(["1", "2", "z"]):
        print(v)
except AppError as e:
    print(type(e).__name__, e, isinstance(e, ParseError))


def counter_closure():
    n = 0

    def step():
        nonlocal n
        n += 1
        if n % 3 == 0:
            raise AppError(f"step {n} failed")
        return n
    return step


s = counter_closure()
out = []
for _ in range(7):
    try:
        out.append(s())
    except AppError as e:
        out.append(-1)
        print("caught", e)
print(out)


def gen_with_closure(limit):
    check = counter_closure()
    while True:
        try:
            v = check()
        except AppError:
            continue
        if v > limit:
            break
        yield v


print(list(gen_with_closure(10)))
g = parse_all(["5", "x"])
print(next(g))
try:
    next(g)
except ParseError as e:
    print("ParseError text:", e.text)
print(next(g, 99))
