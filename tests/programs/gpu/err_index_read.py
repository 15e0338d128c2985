# one thread reads past the end of an input inside a helper: the traceback names the kernel,
# then the helper
import gpu


def at(x, i):
    return x[i]


@gpu.kernel
def shifted(x, out, k):
    i = gpu.thread.x
    out[i] = at(x, i + k)


x = [1, 2, 3, 4, 5, 6, 7, 8]
out = [0] * 8
shifted(x, out, 0, grid=1, block=8)
print(out)
shifted(x, out, -8, grid=1, block=8)
print(out)
shifted(x, out, 1, grid=1, block=8)
print("not reached")
