# Closure factories and generator filters that take them.


def make_above(limit):
    return lambda x: x > limit


def make_predicate_even():
    def even(x):
        return x % 2 == 0
    return even


def make_scaler(k):
    calls = [0]

    def scale(x):
        calls[0] += 1
        return x * k + calls[0]
    return scale


def make_field(index):
    def field(line):
        return line.split()[index]
    return field


def keep(pred, gen):
    for x in gen:
        if pred(x):
            yield x


def apply(f, gen):
    for x in gen:
        yield f(x)
