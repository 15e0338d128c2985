# Benchmark: sieve of Eratosthenes over a list of bools up to LIMIT, repeated ROUNDS times;
# prints the number of primes and their sum.
LIMIT = 10000000
ROUNDS = 5


def sieve(n: int) -> list[bool]:
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return flags


def main():
    count = 0
    total = 0
    for r in range(ROUNDS):
        flags = sieve(LIMIT)
        count = 0
        total = 0
        for k in range(LIMIT + 1):
            if flags[k]:
                count += 1
                total += k
    print("primes", count)
    print("sum", total)


main()
