# math functions in kernels (printed rounded: a device's math library may differ in the last bits)
import gpu
import math


@gpu.kernel
def funcs(x, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        v = x[i]
        out[8 * i] = math.sqrt(v)
        out[8 * i + 1] = math.sin(v)
        out[8 * i + 2] = math.cos(v)
        out[8 * i + 3] = math.exp(-v)
        out[8 * i + 4] = math.log(v + 1.0)
        out[8 * i + 5] = math.atan2(v, 2.0)
        out[8 * i + 6] = math.hypot(v, 3.0)
        out[8 * i + 7] = math.pow(v, 1.5)


@gpu.kernel
def rounding(x, fl, ce, tr):
    i = gpu.thread.x
    fl[i] = math.floor(x[i])
    ce[i] = math.ceil(x[i])
    tr[i] = math.floor(x[i]) if x[i] >= 0.0 else math.ceil(x[i])


@gpu.kernel
def dist(px, py, d, area):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(px):
        r = math.sqrt(px[i] * px[i] + py[i] * py[i])
        d[i] = r
        area[i] = math.pi * r * r - math.fabs(py[i] - px[i])


xs = [0.0, 0.5, 1.0, 2.0, 3.25, 10.0]
out = [0.0] * (8 * len(xs))
funcs(xs, out, grid=2, block=4)
for i in range(len(xs)):
    line = f"x={xs[i]}"
    for j in range(8):
        line += f" {round(out[8 * i + j], 9)}"
    print(line)

ys = [-2.5, -1.0, -0.5, 0.0, 0.5, 1.0, 2.5, 7.99]
fl = [0] * 8
ce = [0] * 8
tr = [0] * 8
rounding(ys, fl, ce, tr, grid=1, block=8)
print(fl)
print(ce)
print(tr)

px = [3.0, 5.0, 8.0, 1.0]
py = [4.0, 12.0, 15.0, 1.0]
py = [4.0, 12.0, 15.0, -1.0]
d = [0.0] * 4
area = [0.0] * 4
dist(px, py, d, area, grid=1, block=4)
print(d[0], d[1], d[2], f"{d[3]:.9f}")
for v in area:
    print(f"{v:.6f}")
