# inclusive prefix sums: Hillis-Steele scan in shared memory (double-buffered), then block offsets
import gpu


@gpu.kernel
def block_scan(x, out, sums):
    buf = gpu.shared.array((2, 32), int)
    t = gpu.thread.x
    i = gpu.block.x * 32 + t
    buf[0][t] = x[i] if i < len(x) else 0
    gpu.syncthreads()
    src = 0
    offset = 1
    while offset < 32:
        dst = 1 - src
        if t >= offset:
            buf[dst][t] = buf[src][t] + buf[src][t - offset]
        else:
            buf[dst][t] = buf[src][t]
        gpu.syncthreads()
        src = dst
        offset *= 2
    if i < len(x):
        out[i] = buf[src][t]
    if t == 31:
        sums[gpu.block.x] = buf[src][31]


@gpu.kernel
def add_offsets(out, offsets):
    i = gpu.block.x * 32 + gpu.thread.x
    if i < len(out) and gpu.block.x > 0:
        out[i] += offsets[gpu.block.x - 1]


def scan(x):
    nb = (len(x) + 31) // 32
    out = [0] * len(x)
    sums = [0] * nb
    block_scan(x, out, sums, grid=nb, block=32)
    if nb > 1:
        offs = scan(sums)
        add_offsets(out, offs, grid=nb, block=32)
    return out


x = [(i * 17) % 10 - 3 for i in range(700)]
s = scan(x)
ref = [0] * len(x)
run = 0
for i in range(len(x)):
    run += x[i]
    ref[i] = run
print(s == ref, s[0], s[31], s[32], s[699])
small = scan([1, 2, 3, 4, 5])
print(small)
