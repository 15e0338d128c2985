# Function composition: compose(f, g), pipelines of closures, repeated application.


def compose(f, g):
    return lambda x: f(g(x))


def identity(x):
    return x


def pipeline(funcs):
    def run(x):
        for fn in funcs:
            x = fn(x)
        return x
    return run


def repeat(f, n):
    def run(x):
        for _ in range(n):
            x = f(x)
        return x
    return run


inc = lambda x: x + 1
dbl = lambda x: x * 2
sq = lambda x: x * x

print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(compose(sq, compose(inc, dbl))(3))
p = pipeline([inc, dbl, sq])
print([p(x) for x in range(5)])
print(pipeline([identity])(42))
print(repeat(dbl, 10)(1), repeat(inc, 0)(7), repeat(compose(inc, inc), 5)(0))

strip = lambda s: s.strip()
lower = lambda s: s.lower()
dedupe_spaces = lambda s: " ".join(s.split())
title = lambda s: s.title()
clean = pipeline([strip, dedupe_spaces, lower])
print(repr(clean("   Hello    WORLD  of   Kiln  ")))
print(repr(compose(title, clean)("  the QUICK   brown fox ")))
collatz = lambda n: n // 2 if n % 2 == 0 else 3 * n + 1
print([repeat(collatz, k)(27) for k in range(0, 120, 10)])
fs = [inc, dbl, sq, inc]
combined = compose(fs[3], compose(fs[2], compose(fs[1], fs[0])))
print(combined(3), pipeline(fs)(3))
