# kernels calling plain scalar helper functions (which call each other); one helper is also
# called from host code
import gpu


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def mix(a, b, t):
    return a + (b - a) * t


def smooth(t):
    t = clamp(t, 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


@gpu.kernel
def shade(xs, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(xs):
        out[i] = mix(10.0, 20.0, smooth(xs[i]))


@gpu.kernel
def gcds(a, b, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(out):
        out[i] = gcd(a[i], b[i])


@gpu.kernel
def clamped(xs, lo, hi, out):
    i = gpu.thread.x
    out[i] = clamp(xs[i], lo, hi)


xs = [i * 0.125 - 0.5 for i in range(17)]
out = [0.0] * 17
shade(xs, out, grid=3, block=8)
for i in range(17):
    print(xs[i], out[i])

a = [12, 18, 35, 100, 17, 0, 81, 1071]
b = [8, 24, 14, 75, 5, 9, 27, 462]
g = [0] * 8
gcds(a, b, g, grid=1, block=8)
print(g)
print(gcd(1071, 462), clamp(15, 0, 10))

vals = [-5, 0, 3, 9, 12, 100]
c = [0] * 6
clamped(vals, 0, 10, c, grid=1, block=6)
print(c)
