/* C twin of benches/sieve.py (one byte per flag). */
#include <stdio.h>
#include <stdlib.h>

#define LIMIT 10000000L
#define ROUNDS 5

static unsigned char *sieve(long n) {
    unsigned char *flags = malloc((size_t)n + 1);
    if (!flags) {
        perror("malloc");
        exit(1);
    }
    for (long k = 0; k <= n; k++)
        flags[k] = 1;
    flags[0] = 0;
    flags[1] = 0;
    for (long i = 2; i * i <= n; i++)
        if (flags[i])
            for (long j = i * i; j <= n; j += i)
                flags[j] = 0;
    return flags;
}

int main(void) {
    long count = 0, total = 0;
    for (int r = 0; r < ROUNDS; r++) {
        unsigned char *flags = sieve(LIMIT);
        count = 0;
        total = 0;
        for (long k = 0; k <= LIMIT; k++)
            if (flags[k]) {
                count += 1;
                total += k;
            }
        free(flags);
    }
    printf("primes %ld\n", count);
    printf("sum %ld\n", total);
    return 0;
}
