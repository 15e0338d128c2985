# a negative block dimension is rejected before the launch
import gpu


@gpu.kernel
def touch(out):
    out[0] = 1


out = [0]
k = -2
print("before")
touch(out, grid=1, block=(4, k))
print("not reached")
