# conditional expressions, and/or/not, min/max/abs in kernels
import gpu


@gpu.kernel
def relu_sign(x, relu, sign):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        v = x[i]
        relu[i] = v if v > 0.0 else 0.0
        sign[i] = 1 if v > 0.0 else (-1 if v < 0.0 else 0)


@gpu.kernel
def logic(a, b, out):
    i = gpu.thread.x
    p = a[i] > 0
    q = b[i] > 0
    out[4 * i] = 1 if p and q else 0
    out[4 * i + 1] = 1 if p or q else 0
    out[4 * i + 2] = 1 if not p else 0
    out[4 * i + 3] = 1 if (p and not q) or (q and not p) else 0


@gpu.kernel
def clip(x, lo, hi, out):
    i = gpu.thread.x
    out[i] = min(max(x[i], lo), hi) + abs(x[i]) * 0 + min(x[i], lo, hi) * 0


@gpu.kernel
def short_circuit(x, idx, out):
    i = gpu.thread.x
    j = idx[i]
    # the index is checked before it is used: never out of range
    out[i] = j >= 0 and j < len(x) and x[j] > 5


x = [-2.5, 0.0, 3.5, -0.5, 8.0, 1.0]
relu = [0.0] * 6
sign = [0] * 6
relu_sign(x, relu, sign, grid=2, block=4)
print(relu)
print(sign)

a = [1, 1, -1, -1]
b = [1, -1, 1, -1]
out = [0] * 16
logic(a, b, out, grid=1, block=4)
print(out)

v = [-10, -1, 0, 4, 7, 100]
c = [0] * 6
clip(v, -2, 5, c, grid=1, block=6)
print(c)

xs = [1, 9, 3, 7]
idx = [0, 1, -9, 3, 4, 100, 2]
flags = [False] * 7
short_circuit(xs, idx, flags, grid=1, block=7)
print(flags)
