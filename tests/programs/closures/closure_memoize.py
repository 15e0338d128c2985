# Closures capturing mutable containers: memoisation, call counting and a closure-based cache.


def memoize(f):
    cache = {}
    stats = [0, 0]  # hits, misses

    def wrapper(n):
        if n in cache:
            stats[0] += 1
            return cache[n]
        stats[1] += 1
        r = f(n)
        cache[n] = r
        return r

    def info():
        return (stats[0], stats[1], len(cache))

    return wrapper, info


def slow_square(n):
    return n * n


sq, sq_info = memoize(slow_square)
for n in [3, 4, 3, 3, 5, 4]:
    print(n, sq(n))
print("hits, misses, size:", sq_info())


def make_fib():
    memo = {0: 0, 1: 1}

    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]

    return fib


fib = make_fib()
print([fib(i) for i in range(15)], fib(80))


def make_collector():
    items = []
    seen = set()

    def collect(x):
        if x not in seen:
            seen.add(x)
            items.append(x)
        return len(items)

    return collect, items


collect, items = make_collector()
for w in "the cat and the hat and the bat".split():
    collect(w)
print(items, collect("zebra"), items[-1])


def make_limiter(limit):
    used = {"count": 0}

    def allow():
        if used["count"] >= limit:
            return False
        used["count"] += 1
        return True

    return allow


allow = make_limiter(3)
print([allow() for _ in range(5)])
other = make_limiter(1)
print(other(), other(), allow())
