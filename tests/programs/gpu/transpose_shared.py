# matrix transpose through a shared tile (the tile has a padding column)
import gpu


@gpu.kernel
def transpose(w, h, src, dst):
    tile = gpu.shared.array((8, 9), float)
    x = gpu.block.x * 8 + gpu.thread.x
    y = gpu.block.y * 8 + gpu.thread.y
    if x < w and y < h:
        tile[gpu.thread.y][gpu.thread.x] = src[y * w + x]
    gpu.syncthreads()
    # the transposed block: the thread's x now walks the source's rows
    tx = gpu.block.y * 8 + gpu.thread.x
    ty = gpu.block.x * 8 + gpu.thread.y
    if tx < h and ty < w:
        dst[ty * h + tx] = tile[gpu.thread.x][gpu.thread.y]


w = 19
h = 11
src = [r * 100.0 + c for r in range(h) for c in range(w)]
dst = [0.0] * (w * h)
transpose(w, h, src, dst, grid=((w + 7) // 8, (h + 7) // 8), block=(8, 8))
ok = True
for r in range(h):
    for c in range(w):
        if dst[c * h + r] != src[r * w + c]:
            ok = False
print(ok, dst[0], dst[1], dst[h], dst[w * h - 1])
back = [0.0] * (w * h)
transpose(h, w, dst, back, grid=((h + 7) // 8, (w + 7) // 8), block=(8, 8))
print(back == src)
