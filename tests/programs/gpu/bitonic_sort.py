# bitonic sort: one launch per (k, j) stage over a power-of-two array in global memory
import gpu


@gpu.kernel
def bitonic_step(a, j, k):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    partner = i ^ j
    if i < len(a) and partner > i:
        up = (i & k) == 0
        if (a[i] > a[partner]) == up:
            t = a[i]
            a[i] = a[partner]
            a[partner] = t


def sort(a):
    n = len(a)
    k = 2
    launches = 0
    while k <= n:
        j = k // 2
        while j > 0:
            bitonic_step(a, j, k, grid=(n + 63) // 64, block=64)
            launches += 1
            j //= 2
        k *= 2
    return launches


n = 256
a = [(i * 7919 + 17) % 1000 - 500 for i in range(n)]
total = sum(a)
launches = sort(a)
ok = True
for i in range(1, n):
    if a[i - 1] > a[i]:
        ok = False
print(launches, ok, sum(a) == total, a[0], a[1], a[n - 1])

f = [((i * 37) % 64) * 0.5 - 10.0 for i in range(64)]
sort(f)
print(f[0], f[1], f[31], f[63])
