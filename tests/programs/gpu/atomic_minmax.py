# gpu.atomic.min / max on int and float arrays: final values only
import gpu


@gpu.kernel
def extremes(x, lo, hi):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        gpu.atomic.min(lo, 0, x[i])
        gpu.atomic.max(hi, 0, x[i])
        gpu.atomic.min(lo, 1 + i % 4, x[i])
        gpu.atomic.max(hi, 1 + i % 4, x[i])


@gpu.kernel
def fextremes(x, lo, hi):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        gpu.atomic.min(lo, 0, x[i])
        gpu.atomic.max(hi, 0, x[i])


@gpu.kernel
def argmax_key(x, best):
    # pack (value, index) into one int so that max gives the value and the lowest index
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        gpu.atomic.max(best, 0, x[i] * 100000 + (99999 - i))


n = 777
x = [(i * 7919 + 13) % 2003 - 1000 for i in range(n)]
lo = [1000000] * 5
hi = [-1000000] * 5
extremes(x, lo, hi, grid=(n + 63) // 64, block=64)
print(lo, hi)
print(min(x), max(x))

fx = [((i * 37) % 101 - 50) * 0.5 for i in range(n)]
flo = [1.0e9]
fhi = [-1.0e9]
fextremes(fx, flo, fhi, grid=13, block=64)
print(flo, fhi)

best = [-1000000000]
argmax_key(x, best, grid=(n + 31) // 32, block=32)
v = best[0] // 100000
idx = 99999 - best[0] % 100000
print(v, idx, x[idx])

# min/max that never change the value
lo2 = [-5, -5, -5, -5, -5]
hi2 = [5, 5, 5, 5, 5]
extremes([1, -2, 3, 0], lo2, hi2, grid=1, block=4)
print(lo2, hi2)
# and a launch that changes only some slots
extremes([-9, 9, 0, 0, 0], lo2, hi2, grid=5, block=1)
print(lo2, hi2)
