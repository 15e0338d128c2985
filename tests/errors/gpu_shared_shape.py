# Shared memory is sized when the kernel is compiled.
# expect: constant positive ints
# at: 9
import gpu


@gpu.kernel
def k(out, n):
    tile = gpu.shared.array(n, float)
    out[0] = tile[0]


xs = [0.0]
k(xs, 4, grid=1, block=1)
