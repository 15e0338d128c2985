# block reduction: each block sums its slice in shared memory with a tree of barriers
import gpu


@gpu.kernel
def block_sum(x, partial):
    s = gpu.shared.array(64, int)
    t = gpu.thread.x
    i = gpu.block.x * gpu.block.dim.x + t
    if i < len(x):
        s[t] = x[i]
    else:
        s[t] = 0
    gpu.syncthreads()
    stride = gpu.block.dim.x // 2
    while stride > 0:
        if t < stride:
            s[t] += s[t + stride]
        gpu.syncthreads()
        stride = stride // 2
    if t == 0:
        partial[gpu.block.x] = s[0]


@gpu.kernel
def block_sum_f(x, partial):
    s = gpu.shared.array(32, float)
    t = gpu.thread.x
    i = gpu.block.x * 32 + t
    v = 0.0
    if i < len(x):
        v = x[i]
    s[t] = v
    gpu.syncthreads()
    stride = 16
    while stride >= 1:
        if t < stride:
            s[t] = s[t] + s[t + stride]
        gpu.syncthreads()
        stride //= 2
    if t == 0:
        partial[gpu.block.x] = s[0]


def reduce(xs, bs):
    nb = (len(xs) + bs - 1) // bs
    partial = [0] * nb
    block_sum(xs, partial, grid=nb, block=bs)
    return partial


xs = [(i * 37) % 101 - 50 for i in range(500)]
for bs in [1, 4, 32, 64]:
    p = reduce(xs, bs)
    print(bs, len(p), sum(p), p[0], p[len(p) - 1])
print(sum(xs))

# reduce until one value is left
ys = [i * i % 1000 for i in range(2000)]
while len(ys) > 1:
    ys = reduce(ys, 64)
    print(len(ys), ys[0])

fx = [(i % 9) * 0.125 for i in range(200)]
pf = [0.0] * 7
block_sum_f(fx, pf, grid=7, block=32)
print(pf)
print(sum(pf), sum(fx))
