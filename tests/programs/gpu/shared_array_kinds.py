# shared arrays of each dtype: zero-initialised in every block, shared by the block's threads
import gpu


@gpu.kernel
def zeros(out_i, out_f, out_f32, out_b):
    si = gpu.shared.array(4, int)
    sf = gpu.shared.array(4, float)
    s32 = gpu.shared.array(4, float32)
    sb = gpu.shared.array((2, 2), bool)
    t = gpu.thread.x
    b = gpu.block.x
    # read before anyone writes: every block starts from zeros
    out_i[b * 4 + t] = si[t]
    out_f[b * 4 + t] = sf[t]
    out_f32[b * 4 + t] = s32[t]
    out_b[b * 4 + t] = sb[t // 2][t % 2]
    gpu.syncthreads()
    si[t] = b + 1
    sf[t] = b + 0.5
    s32[t] = float32(b) + float32(0.25)
    sb[t // 2][t % 2] = True


@gpu.kernel
def neighbours(x, out):
    s = gpu.shared.array(16, int)
    t = gpu.thread.x
    i = gpu.block.x * 16 + t
    s[t] = x[i]
    gpu.syncthreads()
    # every thread sees the writes of the others after the barrier
    out[i] = s[(t + 1) % 16] + s[(t + 15) % 16]


@gpu.kernel
def grid2d_shared(w, out):
    tile = gpu.shared.array((4, 4), float32)
    tx = gpu.thread.x
    ty = gpu.thread.y
    tile[ty][tx] = float32(ty * 4 + tx) * float32(0.5)
    gpu.syncthreads()
    x = gpu.block.x * 4 + tx
    y = gpu.block.y * 4 + ty
    out[y * w + x] = tile[tx][ty] + tile[3 - ty][3 - tx]


nb = 3
oi = [7] * (4 * nb)
of = [7.0] * (4 * nb)
o32 = [float32(7.0)] * (4 * nb)
ob = [True] * (4 * nb)
zeros(oi, of, o32, ob, grid=nb, block=4)
print(oi)
print(of)
print(o32)
print(ob)

x = [i * i for i in range(48)]
out = [0] * 48
neighbours(x, out, grid=3, block=16)
print(out)

w = 8
g = [float32(0.0)] * (w * 8)
grid2d_shared(w, g, grid=(2, 2), block=(4, 4))
for y in range(8):
    line = ""
    for xx in range(w):
        line += f" {g[y * w + xx]:5.1f}"
    print(line)
