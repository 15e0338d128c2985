# float32 arithmetic in kernels: each operation rounds to 32 bits
import gpu


@gpu.kernel
def ops(a, b, add, sub, mul, div):
    i = gpu.thread.x
    add[i] = a[i] + b[i]
    sub[i] = a[i] - b[i]
    mul[i] = a[i] * b[i]
    div[i] = a[i] / b[i]


@gpu.kernel
def mixed(a, out):
    i = gpu.thread.x
    x = a[i]
    out[4 * i] = x + 1
    out[4 * i + 1] = x * 0.5
    out[4 * i + 2] = -x
    out[4 * i + 3] = abs(x - 2.0)


@gpu.kernel
def convert(xs, ints, out):
    i = gpu.thread.x
    out[i] = float32(xs[i]) + float32(ints[i])


a = [float32(0.1), float32(1.0), float32(3.0), float32(1.0e10), float32(-2.5), float32(7.0)]
b = [float32(0.2), float32(3.0), float32(7.0), float32(1.0), float32(0.5), float32(-0.0625)]
n = len(a)
add = [float32(0.0)] * n
sub = [float32(0.0)] * n
mul = [float32(0.0)] * n
div = [float32(0.0)] * n
ops(a, b, add, sub, mul, div, grid=1, block=n)
for i in range(n):
    print(i, add[i], sub[i], mul[i], f"{div[i]:.6e}")

out = [float32(0.0)] * (4 * n)
mixed(a, out, grid=1, block=n)
for i in range(n):
    print(out[4 * i], out[4 * i + 1], out[4 * i + 2], out[4 * i + 3])

xs = [0.1, 0.2, 1.0 / 3.0, 16777217.0]
ints = [1, 2, 3, 4]
res = [float32(0.0)] * 4
convert(xs, ints, res, grid=1, block=4)
print(res)
# host float32 arithmetic agrees
print(float32(0.1) + float32(1), float32(1.0 / 3.0) + float32(3))
print(float32(16777217.0), float32(0.1) == 0.1, float32(0.5) == 0.5)
