# gpu.syncthreads() and shared arrays used inside helper functions the kernel calls
import gpu


def block_total(s, v):
    t = gpu.thread.x
    s[t] = v
    gpu.syncthreads()
    stride = 8
    while stride > 0:
        if t < stride:
            s[t] += s[t + stride]
        gpu.syncthreads()
        stride //= 2
    total = s[0]
    gpu.syncthreads()
    return total


@gpu.kernel
def normalise(x, out):
    s = gpu.shared.array(16, int)
    i = gpu.block.x * 16 + gpu.thread.x
    v = x[i]
    total = block_total(s, v)
    sq = block_total(s, v * v)
    out[i] = v * 1000000 // total + sq * 0


@gpu.kernel
def stats(x, sums, sqs):
    s = gpu.shared.array(16, int)
    i = gpu.block.x * 16 + gpu.thread.x
    total = block_total(s, x[i])
    sq = block_total(s, x[i] * x[i])
    if gpu.thread.x == 0:
        sums[gpu.block.x] = total
        sqs[gpu.block.x] = sq


x = [i % 13 + 1 for i in range(64)]
out = [0] * 64
normalise(x, out, grid=4, block=16)
print(out[0], out[15], out[16], out[63])
sums = [0] * 4
sqs = [0] * 4
stats(x, sums, sqs, grid=4, block=16)
print(sums, sqs)
print(sum(sums) == sum(x))
