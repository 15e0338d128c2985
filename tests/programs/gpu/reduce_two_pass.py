# two-pass reduction: grid-stride partial sums per thread, then a second launch over the partials
import gpu


@gpu.kernel
def partial_sums(x, out):
    tid = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    stride = gpu.block.dim.x * gpu.grid.dim.x
    acc = 0
    i = tid
    while i < len(x):
        acc += x[i]
        i += stride
    out[tid] = acc


@gpu.kernel
def finish(partial, total):
    if gpu.thread.x == 0 and gpu.block.x == 0:
        s = 0
        for i in range(len(partial)):
            s += partial[i]
        total[0] = s


n = 10007
x = [(i * 7919) % 1000 - 500 for i in range(n)]
for blocks in [1, 3, 8]:
    for threads in [1, 16, 100]:
        partial = [0] * (blocks * threads)
        partial_sums(x, partial, grid=blocks, block=threads)
        total = [0]
        finish(partial, total, grid=1, block=1)
        print(blocks, threads, total[0], partial[0], partial[len(partial) - 1])
print(sum(x))
