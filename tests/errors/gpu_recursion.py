# GPU code is inlined: it cannot recurse.
# expect: recursive
import gpu


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


@gpu.kernel
def k(out):
    out[0] = fact(5)


xs = [0]
k(xs, grid=1, block=1)
