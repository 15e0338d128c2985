# A kernel cannot read the host's variables (constants are fine).
# expect: cannot read a global variable
# at: 13
import gpu

scale = 2
scale = 3


@gpu.kernel
def k(out):
    i = gpu.thread.x
    out[i] = out[i] * scale


xs = [1, 2]
k(xs, grid=1, block=2)
