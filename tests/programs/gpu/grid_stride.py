# grid-stride loops: any launch shape covers the whole array
import gpu


@gpu.kernel
def square_all(x, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    stride = gpu.grid.dim.x * gpu.block.dim.x
    while i < len(x):
        out[i] = x[i] * x[i]
        i += stride


@gpu.kernel
def stride_for(n, out):
    start = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    step = gpu.grid.dim.x * gpu.block.dim.x
    for i in range(start, n, step):
        out[i] = out[i] + i + 1


@gpu.kernel
def stride_2d(w, h, out):
    for y in range(gpu.block.y * gpu.block.dim.y + gpu.thread.y, h, gpu.grid.dim.y * gpu.block.dim.y):
        for x in range(gpu.block.x * gpu.block.dim.x + gpu.thread.x, w, gpu.grid.dim.x * gpu.block.dim.x):
            out[y * w + x] = out[y * w + x] * 2 + x - y


n = 1234
x = [i % 97 - 48 for i in range(n)]
for shape in [1, 2, 7, 64]:
    out = [0] * n
    square_all(x, out, grid=shape, block=shape)
    print(shape, sum(out), out[0], out[n - 1])

acc = [0] * 100
stride_for(100, acc, grid=3, block=5)
stride_for(100, acc, grid=1, block=1)
stride_for(100, acc, grid=50, block=32)
print(sum(acc), acc[0], acc[99])

w = 17
h = 9
g = [1] * (w * h)
stride_2d(w, h, g, grid=(2, 2), block=(3, 2))
stride_2d(w, h, g, grid=(1, 3), block=(4, 1))
print(sum(g), g[0], g[w - 1], g[w * h - 1])
