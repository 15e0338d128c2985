# len() of array arguments (lists and device arrays) and negative indices in kernels
import gpu


@gpu.kernel
def lengths(a, b, c, out):
    out[0] = len(a)
    out[1] = len(b)
    out[2] = len(c)
    out[3] = len(out)


@gpu.kernel
def reverse(x, out):
    i = gpu.thread.x
    if i < len(x):
        out[i] = x[-1 - i]


@gpu.kernel
def wrap(x, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        # i - 1 is -1 for the first element: Python's negative index, the last element
        out[i] = x[i - 1] * 10 + x[i]


@gpu.kernel
def last_two(x, out):
    out[-1] = x[-1]
    out[-2] = x[-2]
    out[-len(out)] = x[-len(x)]


x = [1, 2, 3, 4, 5, 6, 7]
f = [0.5, 1.5]
bl = [True, False, True]
out = [0] * 4
lengths(x, f, bl, out, grid=1, block=1)
print(out)
d = gpu.to_device(x)
lengths(d, d, f, out, grid=1, block=1)
print(out)

r = [0] * 7
reverse(x, r, grid=1, block=16)
print(r)

w = [0] * 7
wrap(x, w, grid=2, block=4)
print(w)

z = [0] * 5
last_two(x, z, grid=1, block=1)
print(z)
