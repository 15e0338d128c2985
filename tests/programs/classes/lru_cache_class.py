# An LRU cache class: dict storage plus a recency list; hit/miss statistics; used to memoise work.


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.order = []
        self.hits = 0
        self.misses = 0
        self.evictions = 0

    def get(self, key, default):
        if key in self.data:
            self.hits += 1
            self.order.remove(key)
            self.order.append(key)
            return self.data[key]
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.order.remove(key)
        elif len(self.data) >= self.capacity:
            oldest = self.order.pop(0)
            del self.data[oldest]
            self.evictions += 1
        self.data[key] = value
        self.order.append(key)

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        return key in self.data

    def stats(self):
        return f"size={len(self)} hits={self.hits} misses={self.misses} evictions={self.evictions}"


# keys are page numbers, values are page sizes
c = LRUCache(3)
c.put(101, 1)
c.put(102, 2)
c.put(103, 3)
print(c.get(101, -1), c.order)
c.put(104, 4)
print(102 in c, 101 in c, c.order, sorted(c.data))
print(c.get(102, -1), c.get(103, -1))
c.put(101, 10)
print(c.order, c.data)
c.put(105, 5)
print(c.order, c.stats())
for k in [103, 999, 105, 101, 104]:
    print("get", k, c.get(k, -1), c.order, k in c)


class Collatz:
    def __init__(self, cache_size):
        self.cache = LRUCache(cache_size)

    def steps(self, n):
        if n == 1:
            return 0
        cached = self.cache.get(n, -1)
        if cached >= 0:
            return cached
        nxt = n // 2 if n % 2 == 0 else 3 * n + 1
        r = 1 + self.steps(nxt)
        self.cache.put(n, r)
        return r


for size in [4, 64, 1024]:
    col = Collatz(size)
    best = 0
    arg = 0
    for n in range(1, 2000):
        s = col.steps(n)
        if s > best:
            best = s
            arg = n
    print(size, arg, best, col.cache.stats())
