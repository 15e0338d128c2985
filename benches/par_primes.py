# Benchmark (parallel loops): count the primes below N by trial division by odd numbers, in a
# `@par` loop with a `+=` reduction. Work per iteration grows with n, so the loop uses the
# dynamic schedule. Sized so that one thread takes about 2 s; compare KILN_NUM_THREADS=1 and 2
# with `python3 benches/run.py --threads 1,2 par_primes`.
N = 7000000


def is_prime(n: int) -> bool:
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


def main():
    count = 0
    @par(schedule="dynamic", chunk_size=1024)
    for n in range(N):
        if is_prime(n):
            count += 1
    print("primes below", N, ":", count)


main()
