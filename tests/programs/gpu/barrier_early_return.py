# threads that return before a barrier count as arrived; the others still synchronise
import gpu


@gpu.kernel
def partial_block(n, x, out):
    s = gpu.shared.array(32, int)
    t = gpu.thread.x
    i = gpu.block.x * gpu.block.dim.x + t
    if i >= n:
        return
    s[t] = x[i]
    gpu.syncthreads()
    # the block's last live thread is the one before the first that returned
    last = gpu.block.dim.x - 1
    if gpu.block.x * gpu.block.dim.x + last >= n:
        last = n - 1 - gpu.block.x * gpu.block.dim.x
    out[i] = s[last - t]
    gpu.syncthreads()
    s[t] = 0
    gpu.syncthreads()
    out[i] += s[last - t] * 1000


@gpu.kernel
def divergent(x, out):
    s = gpu.shared.array(8, int)
    t = gpu.thread.x
    s[t] = x[t]
    gpu.syncthreads()
    if t % 2 == 0:
        return
    s[t] = s[t] + s[t - 1]
    gpu.syncthreads()
    if t == 7:
        out[0] = s[1] + s[3] + s[5] + s[7]


@gpu.kernel
def loop_barrier(rounds, out):
    s = gpu.shared.array(16, int)
    t = gpu.thread.x
    s[t] = t
    gpu.syncthreads()
    for r in range(rounds):
        if t >= 16 - r:
            return
        v = s[(t + 1) % 16]
        gpu.syncthreads()
        s[t] = v + 1
        gpu.syncthreads()
    out[t] = s[t]


x = [i + 1 for i in range(40)]
out = [-1] * 40
partial_block(37, x, out, grid=4, block=10)
print(out)
out2 = [-1] * 40
partial_block(37, x, out2, grid=2, block=32)
print(out2)

o = [0]
divergent([1, 2, 3, 4, 5, 6, 7, 8], o, grid=1, block=8)
print(o)

lb = [-1] * 16
loop_barrier(4, lb, grid=1, block=16)
print(lb)
