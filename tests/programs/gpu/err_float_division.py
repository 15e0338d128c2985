# a float division by zero in a kernel
import gpu


@gpu.kernel
def inverse(x, out):
    i = gpu.thread.x
    out[i] = 1.0 / x[i]


x = [1.0, 2.0, 4.0, 0.5]
out = [0.0] * 4
inverse(x, out, grid=1, block=4)
print(out)
x[2] = 0.0
inverse(x, out, grid=1, block=4)
print("not reached")
