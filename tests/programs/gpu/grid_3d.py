# 3-D grids and blocks; missing dimensions are 1
import gpu


@gpu.kernel
def index3(nx, ny, nz, out):
    x = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    y = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    z = gpu.block.z * gpu.block.dim.z + gpu.thread.z
    if x < nx and y < ny and z < nz:
        out[(z * ny + y) * nx + x] = x + 10 * y + 100 * z


@gpu.kernel
def dims(out):
    out[0] = gpu.block.dim.x
    out[1] = gpu.block.dim.y
    out[2] = gpu.block.dim.z
    out[3] = gpu.grid.dim.x
    out[4] = gpu.grid.dim.y
    out[5] = gpu.grid.dim.z


nx = 5
ny = 4
nz = 3
out = [0] * (nx * ny * nz)
index3(nx, ny, nz, out, grid=(3, 2, 2), block=(2, 2, 2))
print(sum(out), out[0], out[1], out[nx], out[nx * ny], out[nx * ny * nz - 1])
ok = True
for z in range(nz):
    for y in range(ny):
        for x in range(nx):
            if out[(z * ny + y) * nx + x] != x + 10 * y + 100 * z:
                ok = False
print(ok)

d = [0] * 6
dims(d, grid=(2, 3, 4), block=(5, 6, 7))
print(d)
dims(d, grid=(9, 8), block=(3, 2))
print(d)
dims(d, grid=11, block=12)
print(d)
out2 = [0] * (nx * ny * nz)
index3(nx, ny, nz, out2, grid=(1, 1, 3), block=(8, 8, 1))
print(out == out2)
