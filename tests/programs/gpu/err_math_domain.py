# math.sqrt of a negative number in a kernel: ValueError: math domain error
import gpu
import math


@gpu.kernel
def roots(x, out):
    i = gpu.thread.x
    out[i] = math.sqrt(x[i])


x = [1.0, 4.0, 9.0]
out = [0.0] * 3
roots(x, out, grid=1, block=3)
print(out)
x[1] = -4.0
roots(x, out, grid=1, block=3)
print("not reached")
