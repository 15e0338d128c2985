# Infinite generators stopped with break: searches over Collatz lengths, primes, triangular numbers.


def count_from(n):
    while True:
        yield n
        n += 1


def collatz(n):
    while True:
        yield n
        if n == 1:
            break
        n = n // 2 if n % 2 == 0 else 3 * n + 1


print(list(collatz(6)), len(list(collatz(27))))
for start in count_from(1):
    length = len(list(collatz(start)))
    if length > 100:
        print("first start with >100 steps:", start, length)
        break


def primes():
    found = []
    for n in count_from(2):
        is_prime = True
        for p in found:
            if p * p > n:
                break
            if n % p == 0:
                is_prime = False
                break
        if is_prime:
            found.append(n)
            yield n


i = 0
for p in primes():
    if i >= 10:
        break
    print(p, end=" ")
    i += 1
print()
twins = []
prev = 0
for p in primes():
    if p - prev == 2:
        twins.append((prev, p))
    prev = p
    if len(twins) == 6:
        break
print(twins)


def triangular():
    total = 0
    for n in count_from(1):
        total += n
        yield total


def cycle(items):
    while True:
        for x in items:
            yield x


for t in triangular():
    if t % 7 == 0 and t % 11 == 0:
        print("triangular multiple of 77:", t)
        break
colours = cycle(["red", "green", "blue"])
print([next(colours) for _ in range(7)])
steps = 0
for c in cycle("ab"):
    steps += 1
    if steps > 5:
        break
    print(steps, c)
gen = count_from(100)
for x in gen:
    if x > 102:
        break
print("resumed:", next(gen), next(gen))
