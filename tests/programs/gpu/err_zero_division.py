# an int division by zero in one thread of a kernel
import gpu


@gpu.kernel
def ratio(a, b, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(a):
        out[i] = a[i] // b[i]


a = [10, 20, 30, 40, 50]
b = [1, 2, 3, 4, 5]
out = [0] * 5
ratio(a, b, out, grid=2, block=4)
print(out)
b[3] = 0
ratio(a, b, out, grid=2, block=4)
print("not reached")
