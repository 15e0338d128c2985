# saxpy on float lists (values exact in binary, so every device gives the same bits)
import gpu


@gpu.kernel
def saxpy(a, x, y, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        out[i] = a * x[i] + y[i]


n = 1000
xs = [i * 0.5 for i in range(n)]
ys = [1.0 - i * 0.25 for i in range(n)]
out = [0.0] * n
saxpy(2.0, xs, ys, out, grid=(n + 255) // 256, block=256)
print(out[0], out[1], out[2], out[999])
print(sum(out))

# in place: y = a*x + y, repeated
y = [1.0] * 16
x = [float(i) for i in range(16)]
for step in range(5):
    saxpy(0.5, x, y, y, grid=2, block=8)
print(y)

# a scalar that is a whole number
saxpy(3.0, x, x, out, grid=1, block=16)
print(out[0], out[1], out[15], out[16])

# negative scale
saxpy(-1.5, x, y, out, grid=16, block=1)
total = 0.0
for i in range(16):
    total += out[i]
print(total)
