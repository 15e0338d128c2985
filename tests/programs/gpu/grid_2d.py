# 2-D grids and blocks: grid=(gx, gy), block=(bx, by); x varies fastest
import gpu


@gpu.kernel
def coords(w, h, rows, cols):
    x = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    y = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    if x < w and y < h:
        rows[y * w + x] = y
        cols[y * w + x] = x


@gpu.kernel
def fill(w, h, out):
    x = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    y = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    if x < w and y < h:
        out[y * w + x] = (x + 1) * (y + 2)


w = 13
h = 7
rows = [-1] * (w * h)
cols = [-1] * (w * h)
coords(w, h, rows, cols, grid=((w + 3) // 4, (h + 3) // 4), block=(4, 4))
ok = True
for y in range(h):
    for x in range(w):
        if rows[y * w + x] != y or cols[y * w + x] != x:
            ok = False
print("coords ok:", ok, sum(rows), sum(cols))

out = [0] * (w * h)
fill(w, h, out, grid=(w, h), block=(1, 1))
print(sum(out), out[0], out[w - 1], out[w * h - 1])
out2 = [0] * (w * h)
fill(w, h, out2, grid=(1, 1), block=(16, 8))
print(out == out2)
out3 = [0] * (w * h)
fill(w, h, out3, grid=(2, 7), block=(7, 1))
print(out == out3)
# a row
for x in range(w):
    print(out[3 * w + x], end=" ")
print()
