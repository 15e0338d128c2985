# grids of more than 65535 blocks in one dimension
import gpu


@gpu.kernel
def write_index(out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(out):
        out[i] = i


@gpu.kernel
def block_ids(out):
    out[gpu.block.x] = gpu.block.x * 2 + gpu.grid.dim.x


@gpu.kernel
def two_d(w, out):
    out[gpu.block.y * w + gpu.block.x] = gpu.block.y - gpu.block.x


n = 70000
out = [-1] * n
write_index(out, grid=n, block=1)
print(out[0], out[65535], out[65536], out[69999], sum(out))

ids = [0] * 65537
block_ids(ids, grid=65537, block=1)
print(ids[0], ids[65536], sum(ids) % 1000003)

w = 65600
t = [0] * (2 * w)
two_d(w, t, grid=(w, 2), block=1)
print(t[0], t[w - 1], t[w], t[2 * w - 1], sum(t))
