# saxpy on float32 lists: the arithmetic rounds to 32 bits at every operation
import gpu


@gpu.kernel
def saxpy(a, x, y, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        out[i] = a * x[i] + y[i]


n = 300
xs = [float32(i) for i in range(n)]
ys = [float32(i * 0.5) for i in range(n)]
out = [float32(0.0)] * n
saxpy(float32(2.0), xs, ys, out, grid=(n + 63) // 64, block=64)
print(out[0], out[1], out[299])
s = float32(0.0)
for v in out:
    s = s + v
print(s)

# large magnitudes: 2**24 + 1 is not a float32
big = [float32(16777216.0)] * 4
one = [float32(1.0)] * 4
res = [float32(0.0)] * 4
saxpy(float32(1.0), big, one, res, grid=1, block=4)
print(res[0], res[0] == 16777216.0)
saxpy(float32(1.0), one, big, res, grid=1, block=4)
print(res[3])

# float32 scalar from a float: rounded when converted
third = float32(1.0 / 3.0)
print(third)
xs3 = [float32(3.0)] * 2
zs = [float32(0.0)] * 2
saxpy(third, xs3, zs, res, grid=1, block=2)
print(res[0], res[1], res[2])
