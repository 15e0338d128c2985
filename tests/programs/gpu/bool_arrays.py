# bool arrays as kernel arguments, bool scalars, and a sieve of Eratosthenes in launches
import gpu


@gpu.kernel
def strike(composite, p):
    # thread k marks p*p + k*p
    k = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    m = p * p + k * p
    if m < len(composite):
        composite[m] = True


@gpu.kernel
def flags(x, even, big, both, invert):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        e = x[i] % 2 == 0
        even[i] = e
        big[i] = x[i] > 10
        both[i] = e and x[i] > 10
        if invert:
            even[i] = not e


@gpu.kernel
def count_true(b, out):
    if gpu.thread.x == 0:
        c = 0
        for i in range(len(b)):
            if b[i]:
                c += 1
        out[0] = c


n = 200
composite = [False] * n
composite[0] = True
composite[1] = True
p = 2
while p * p < n:
    if not composite[p]:
        cnt = (n - p * p + p - 1) // p
        strike(composite, p, grid=(cnt + 31) // 32, block=32)
    p += 1
primes = [i for i in range(n) if not composite[i]]
print(len(primes), primes[0], primes[len(primes) - 1], sum(primes))

x = [3, 12, 7, 20, 11, 8, 15, 2]
even = [False] * 8
big = [False] * 8
both = [False] * 8
flags(x, even, big, both, False, grid=1, block=8)
print(even)
print(big)
print(both)
flags(x, even, big, both, True, grid=2, block=4)
print(even)
c = [0]
count_true(both, c, grid=1, block=4)
print(c[0])
d = gpu.to_device(composite)
count_true(d, c, grid=1, block=1)
print(c[0], n - c[0])
