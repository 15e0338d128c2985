# kiln: build
# Monte-Carlo estimates driven by a hand-written linear congruential generator.
seed = 12345


def next_rand():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed


def uniform():
    return next_rand() / 2147483648


def estimate_pi(n):
    inside = 0
    for i in range(n):
        x = uniform()
        y = uniform()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n


for n in [10, 100, 1000, 10000, 100000]:
    print(n, estimate_pi(n))
seed = 2024
buckets = [0] * 10
for i in range(50000):
    buckets[next_rand() % 10] += 1
print(buckets)
seed = 7
total = 0.0
for i in range(20000):
    total += uniform()
print("mean", total / 20000)
seed = 99
walk = 0
maxd = 0
for i in range(10000):
    if (next_rand() >> 16) % 2 == 0:
        walk += 1
    else:
        walk -= 1
    if walk > maxd:
        maxd = walk
print("walk", walk, "max", maxd)
