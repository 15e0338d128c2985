# enumerate() and zip() over an infinite generator, stopped with break after a few items.


def naturals(start):
    n = start
    while True:
        yield n
        n += 1


def primes():
    for n in naturals(2):
        if all(n % d != 0 for d in range(2, n)):
            yield n


for i, p in enumerate(primes()):
    if i == 8:
        break
    print(i, p)
for a, b in zip(["x", "y", "z"], naturals(100)):
    print(a, b)
print("done")
