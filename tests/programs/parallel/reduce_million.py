# kiln: build
# reductions over 10**6 iterations: int and exact float sums, xor, min/max, in a function and at module level
from kiln import par

N = 1000000

total = 0
halves = 0.0
mix = 0
@par
for i in range(N):
    total += i
    halves += (i % 8) * 0.5
    mix ^= i * 40503 % 65536
print(total, halves, mix)
print(total == N * (N - 1) // 2)


def spread(n, seed):
    lo = n * 1000
    hi = -1
    s = 0
    for i in par(range(n), schedule="dynamic", chunk_size=1000):
        v = (i * 1103515245 + seed) % 2147483648 % 1000003
        lo = min(lo, v)
        hi = max(hi, v)
        s += v
    return str(lo) + " " + str(hi) + " " + str(s)


print(spread(N, 12345))
print(spread(N, 54321))
