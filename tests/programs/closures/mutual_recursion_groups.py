# Groups of mutually recursive nested functions: three-way cycles, nonlocal counters, a lambda calling a sibling, groups made in a loop.

def outer(n, step):
    calls = 0

    def a(k):
        nonlocal calls
        calls += 1
        if k <= 0:
            return "a"
        return b(k - step)

    def b(k):
        nonlocal calls
        calls += 1
        if k <= 0:
            return "b"
        return c(k - 1)

    def c(k):
        if k <= 0:
            return "c"
        f = lambda j: a(j)
        return f(k - 1)

    r = a(n)
    return r, calls


for n in range(8):
    print(n, outer(n, 1), outer(n, 2))


def counter_pair(limit):
    log = []

    def ping(k):
        log.append("ping" + str(k))
        if k < limit:
            pong(k + 1)

    def pong(k):
        log.append("pong" + str(k))
        if k < limit:
            ping(k + 1)

    ping(0)
    return log


print(counter_pair(4))
def make(count):
    fs = []
    for m in range(count):
        def even(k):
            return k == m or odd(k - 1)
        def odd(k):
            return k != m and even(k - 1)
        fs.append(even)
    return fs
print([f(5) for f in make(3)], [f(4) for f in make(3)])
