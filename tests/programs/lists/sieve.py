# kiln: build
# Sieve of Eratosthenes over a list of bools.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return is_prime


flags = sieve(100000)
primes = []
for i in range(len(flags)):
    if flags[i]:
        primes.append(i)
print("count", len(primes))
print("first", primes[0], primes[1], primes[2], primes[3], primes[4])
print("last", primes[-1], primes[-2], primes[-3])
small = []
for p in primes:
    if p > 100:
        break
    small.append(p)
print(small)
twins = 0
for k in range(1, len(primes)):
    if primes[k] - primes[k - 1] == 2:
        twins += 1
print("twin pairs", twins)
gap = 0
where = 0
for k in range(1, len(primes)):
    if primes[k] - primes[k - 1] > gap:
        gap = primes[k] - primes[k - 1]
        where = primes[k - 1]
print("largest gap", gap, "after", where)
