# Dicts and lists of callbacks mixing plain functions, lambdas and closures with different captures.


def double(x):
    return x * 2


def make_offset(k):
    def add(x):
        return x + k
    return add


def make_scaler(num, den):
    def scale(x):
        return x * num // den
    return scale


def make_clamp(lo, hi):
    return lambda x: max(lo, min(hi, x))


ops = {
    "double": double,
    "plus7": make_offset(7),
    "minus3": make_offset(-3),
    "threequarters": make_scaler(3, 4),
    "clamp": make_clamp(0, 50),
    "square": lambda x: x * x,
}
for name in ops:
    print(name, [ops[name](v) for v in [-4, 0, 9, 40]])

pipeline = [ops["plus7"], double, ops["clamp"], make_scaler(2, 3)]
values = [1, 5, 10, 20, 30]
for v in values:
    x = v
    steps = [x]
    for f in pipeline:
        x = f(x)
        steps.append(x)
    print(v, "->", steps)

calls = {}


def make_counted(name, f):
    def wrapped(x):
        calls[name] = calls.get(name, 0) + 1
        return f(x)
    return wrapped


counted = [make_counted("a", double), make_counted("b", double), make_counted("a", double)]
print([g(3) for g in counted], calls)
print([g(g(1)) for g in counted], calls)

handlers = []
handlers.append(make_offset(100))
handlers.append(double)
handlers.append(make_offset(1))
print([h(5) for h in handlers])
handlers[1] = make_offset(1000)
print([h(5) for h in handlers])
handlers.reverse()
print([h(0) for h in handlers], len(handlers))
