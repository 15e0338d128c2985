# stream compaction with an atomic counter: the output order depends on scheduling, so only
# order-independent facts are printed (count, sum, which elements were kept)
import gpu


@gpu.kernel
def compact(x, threshold, out, count, kept):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x) and x[i] > threshold:
        slot = gpu.atomic.add(count, 0, 1)
        out[slot] = x[i]
        kept[i] = True


n = 500
x = [(i * 7919) % 1000 for i in range(n)]
for threshold in [900, 500, 0, 999]:
    out = [0] * n
    count = [0]
    kept = [False] * n
    compact(x, threshold, out, count, kept, grid=(n + 63) // 64, block=64)
    c = count[0]
    s = 0
    for k in range(c):
        s += out[k]
    ref = 0
    nref = 0
    for v in x:
        if v > threshold:
            ref += v
            nref += 1
    nk = 0
    for flag in kept:
        if flag:
            nk += 1
    print(threshold, c, nref, s == ref, nk, s)
