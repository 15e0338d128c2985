# kiln: build
# compute-bound: primes below 200000 by trial division (count, sum, largest gap) in parallel, per-block counts into a list
from kiln import par


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


N = 200000
count = 0
total = 0
biggest = 0
@par(schedule="dynamic", chunk_size=256)
for n in range(N):
    if is_prime(n):
        count += 1
        total += n
        biggest = max(biggest, n)
print(count, total, biggest)

BLOCK = 10000
blocks = [0] * (N // BLOCK)
for b in par(range(N // BLOCK), schedule="guided"):
    c = 0
    for k in range(b * BLOCK, (b + 1) * BLOCK):
        if is_prime(k):
            c += 1
    blocks[b] = c
print(blocks)
check = 0
for c2 in blocks:
    check += c2
print(check == count)

# twin primes: each iteration looks at its own pair
twins = 0
for p in par(range(3, 50000, 2), chunk_size=1000):
    if is_prime(p) and is_prime(p + 2):
        twins += 1
print(twins)
