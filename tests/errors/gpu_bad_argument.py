# Kernel arguments are numbers, lists of numbers and device arrays.
# expect: cannot pass str to a kernel
# at: 12
import gpu


@gpu.kernel
def k(s, out):
    out[0] = 1


k("text", [0], grid=1, block=1)
