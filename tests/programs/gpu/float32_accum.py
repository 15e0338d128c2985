# float32 accumulation: the rounding of 32-bit sums is visible
import gpu


@gpu.kernel
def accum(x, n, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(out):
        acc = float32(0.0)
        for k in range(n):
            acc = acc + x[i]
        out[i] = acc


@gpu.kernel
def dot(a, b, out):
    if gpu.thread.x == 0:
        s = float32(0.0)
        for i in range(len(a)):
            s += a[i] * b[i]
        out[0] = s


x = [float32(0.1), float32(0.5), float32(1.0 / 3.0), float32(0.01)]
out = [float32(0.0)] * 4
accum(x, 1000, out, grid=1, block=4)
for v in out:
    print(v)
# the same sums in float
fl = [0.0] * 4
for i in range(4):
    s = 0.0
    for k in range(1000):
        s += float(x[i])
    fl[i] = s
print(fl)

big = [float32(16777216.0)]
o = [float32(0.0)]
accum(big, 3, o, grid=1, block=1)
print(o[0])

n = 200
a = [float32(1.0 + i * 0.25) for i in range(n)]
b = [float32(0.5)] * n
d = [float32(0.0)]
dot(a, b, d, grid=1, block=32)
print(d[0])
