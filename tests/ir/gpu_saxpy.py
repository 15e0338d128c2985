# The reference kernel: one thread per element, a bounds check by the program and one by kiln.
import gpu


@gpu.kernel
def saxpy(a, x, y, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        out[i] = a * x[i] + y[i]


n = 1000
xs = [1.0] * n
ys = [2.0] * n
out = [0.0] * n
saxpy(2.0, xs, ys, out, grid=(n + 255) // 256, block=256)
print(sum(out))
