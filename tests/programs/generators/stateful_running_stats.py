# Generators that keep state across yields: running totals, minima/maxima, deltas and an EMA.


def running_stats(values):
    count = 0
    total = 0
    lo = 0
    hi = 0
    for v in values:
        count += 1
        total += v
        if count == 1 or v < lo:
            lo = v
        if count == 1 or v > hi:
            hi = v
        yield (count, total, lo, hi, total / count)


data = [5, 3, 8, -2, 7, 7, 10, 1]
for row in running_stats(data):
    print(row)


def deltas(values):
    prev = 0
    first = True
    for v in values:
        if first:
            first = False
        else:
            yield v - prev
        prev = v


print(list(deltas(data)), list(deltas([4])), list(deltas([1, 4, 9, 16, 25])))


def ema(values, alpha):
    current = 0.0
    started = False
    for v in values:
        if not started:
            current = float(v)
            started = True
        else:
            current = alpha * v + (1 - alpha) * current
        yield round(current, 4)


print(list(ema(data, 0.5)))
print(list(ema([10, 10, 10, 0, 0, 0], 0.25)))


def id_allocator(prefix):
    n = 0
    while True:
        n += 1
        if n % 5 == 0:
            n += 1
        yield f"{prefix}{n:03d}"


alloc = id_allocator("U")
other = id_allocator("G")
print([next(alloc) for _ in range(6)], next(other), next(alloc), next(other))


def toggles(pattern):
    state = False
    flips = 0
    for ch in pattern:
        if ch == "t":
            state = not state
            flips += 1
        yield (ch, state, flips)


for item in toggles("xtxxttxt"):
    print(item, end=" ")
print()
