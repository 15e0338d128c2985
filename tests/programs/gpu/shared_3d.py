# a 3-D shared array: one (z, y, x) cell per thread of a 3-D block, read back rotated
import gpu


@gpu.kernel
def rotate(out):
    cube = gpu.shared.array((2, 3, 4), int)
    x = gpu.thread.x
    y = gpu.thread.y
    z = gpu.thread.z
    cube[z][y][x] = 100 * z + 10 * y + x
    gpu.syncthreads()
    plane = cube[1 - z]
    row = plane[2 - y]
    i = (z * 3 + y) * 4 + x
    out[i] = row[3 - x] + len(cube) * 1000 + len(plane) * 10000 + len(row) * 100000
    if x == 0 and y == 0 and z == 0:
        out[24] = cube[-1][-1][-1]


out = [0] * 25
rotate(out, grid=1, block=(4, 3, 2))
print(out[:6])
print(out[18:])
