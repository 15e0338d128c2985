# print has no place on a device.
# expect: `print` cannot be used in a GPU kernel
# at: 9
import gpu


@gpu.kernel
def k(out):
    print(out[0])


xs = [1, 2]
k(xs, grid=1, block=1)
