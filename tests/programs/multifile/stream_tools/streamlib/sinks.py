# Sinks that consume generators; a module-level counter changed with `global`.
COLLECTED = 0


def collect(gen):
    global COLLECTED
    out = []
    for x in gen:
        out.append(x)
    COLLECTED += 1
    return out


def summarize(gen):
    n = 0
    total = 0
    for x in gen:
        n += 1
        total += x
    return f"n={n} total={total}"


def first(gen, default):
    return next(gen, default)
