# the coordinates each thread sees: one slot per thread, written with its ids
import gpu


@gpu.kernel
def record(tid, bid, lin):
    bx = gpu.block.dim.x
    by = gpu.block.dim.y
    t = gpu.thread.x + bx * (gpu.thread.y + by * gpu.thread.z)
    b = gpu.block.x + gpu.grid.dim.x * (gpu.block.y + gpu.grid.dim.y * gpu.block.z)
    g = b * (bx * by * gpu.block.dim.z) + t
    tid[g] = gpu.thread.x * 100 + gpu.thread.y * 10 + gpu.thread.z
    bid[g] = gpu.block.x * 100 + gpu.block.y * 10 + gpu.block.z
    lin[g] = g


n = 2 * 2 * 1 * 3 * 2 * 1
tid = [0] * n
bid = [0] * n
lin = [0] * n
record(tid, bid, lin, grid=(2, 2), block=(3, 2))
for g in range(n):
    print(g, lin[g], bid[g], tid[g])

n = 2 * 2 * 2
tid = [0] * n
bid = [0] * n
lin = [0] * n
record(tid, bid, lin, grid=(1, 1, 2), block=(1, 2, 2))
for g in range(n):
    print(g, lin[g], bid[g], tid[g])
