# Infinite generators consumed with break, next() and manual limits.


def naturals(start):
    n = start
    while True:
        yield n
        n += 1


def cycle(items):
    while True:
        for x in items:
            yield x


def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1


def powers_of(base):
    p = 1
    while True:
        yield p
        p *= base


for n in naturals(10):
    if n * n > 200:
        print("first square over 200:", n)
        break

colors = cycle(["red", "green", "blue"])
print([next(colors) for _ in range(7)])

count = 0
for p in powers_of(3):
    if p > 10 ** 12:
        break
    count += 1
print("powers of 3 up to 1e12:", count)

print(list(collatz(6)), len(list(collatz(27))), max(collatz(27)))

nat = naturals(1)
triangle = 0
while True:
    triangle += next(nat)
    if triangle % 7 == 0 and triangle > 100:
        break
print("first triangle number > 100 divisible by 7:", triangle)

def evens_from(it):
    for n in it:
        if n % 2 == 0:
            yield n


evens = evens_from(naturals(0))
print([next(evens) for _ in range(6)])
gen = powers_of(2)
firsts = []
for _ in range(10):
    firsts.append(next(gen))
print(firsts, next(gen))


def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out


print(take(5, naturals(100)), take(4, cycle(["x", "y"])), take(0, naturals(0)))
