# parallel loops inside functions: parameters as reduction variables, returned lists, a loop in a function called from another function
from kiln import par


def dot(xs, ys):
    s = 0.0
    @par
    for i in range(len(xs)):
        s += xs[i] * ys[i]
    return s


def scaled(xs, k):
    out = [0.0] * len(xs)
    for i in par(range(len(xs)), schedule="dynamic", chunk_size=4):
        out[i] = xs[i] * k
    return out


def norm2(xs):
    return dot(xs, xs)


def report(name, xs):
    ys = scaled(xs, 2.0)
    print(name, norm2(xs), norm2(ys), dot(xs, ys))


report("small", [1.0, 2.0, 3.0])
report("empty", [0.0] * 0)
halves = [0.0] * 101
for i in range(101):
    halves[i] = (i - 50) * 0.5
report("halves", halves)


def count_multiples(total, n, d):
    # `total` is a parameter used as the reduction variable
    @par(schedule="guided")
    for i in range(1, n + 1):
        total += 1 if i % d == 0 else 0
    return total


def outer(n):
    s = 0
    for d in range(1, 8):
        s = s * 10 + count_multiples(0, n, d) % 10
    return s + count_multiples(1000, n, 1)


print(outer(100), outer(7), outer(0))


def histogram(values, buckets):
    h = [0] * buckets
    @par(chunk_size=1)
    for b in range(buckets):
        c = 0
        for v in values:
            if v % buckets == b:
                c += 1
        h[b] = c
    return h


def vals(n):
    out = [0] * n
    @par
    for i in range(n):
        out[i] = (i * i * 31 + 17) % 1009
    return out


print(histogram(vals(1000), 7))
print(histogram(vals(3), 5))


def triangle(n):
    # a function with a parallel loop, called from a parallel loop's caller in a sequential loop
    t = 0
    for i in par(range(n + 1), num_threads=2):
        t += i
    return t


results = [0] * 30
for k in range(30):
    results[k] = triangle(k) - k * (k + 1) // 2
print(results)
