# vector add on int lists: several block sizes, n not a multiple of the block size
import gpu


@gpu.kernel
def vadd(a, b, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(out):
        out[i] = a[i] + b[i]


def check(n, bs):
    a = [i * 3 - 7 for i in range(n)]
    b = [100 - i for i in range(n)]
    out = [0] * n
    vadd(a, b, out, grid=(n + bs - 1) // bs, block=bs)
    ok = True
    for i in range(n):
        if out[i] != a[i] + b[i]:
            ok = False
    print(f"n={n} block={bs} sum={sum(out)} first={out[0]} last={out[n - 1]} ok={ok}")


check(1, 1)
check(10, 4)
check(100, 32)
check(1000, 256)
check(1025, 1024)
check(333, 7)

# the inputs are untouched, the output is written in place
a = [1, 2, 3]
b = [10, 20, 30]
c = [0, 0, 0]
vadd(a, b, c, grid=1, block=3)
print(a, b, c)
# a launch with more threads than elements writes nothing past the end
vadd(a, b, c, grid=4, block=64)
print(c)
# output aliasing an input
vadd(a, a, a, grid=1, block=3)
print(a)
