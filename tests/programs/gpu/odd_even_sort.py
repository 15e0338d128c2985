# odd-even transposition sort by one block in shared memory, with barriers between phases
import gpu


@gpu.kernel
def oddeven(a):
    s = gpu.shared.array(64, int)
    t = gpu.thread.x
    n = len(a)
    k = t
    while k < n:
        s[k] = a[k]
        k += gpu.block.dim.x
    gpu.syncthreads()
    for phase in range(n):
        # each thread compares the pairs (i, i + 1) of its stride
        i = 2 * t + phase % 2
        while i + 1 < n:
            if s[i] > s[i + 1]:
                tmp = s[i]
                s[i] = s[i + 1]
                s[i + 1] = tmp
            i += 2 * gpu.block.dim.x
        gpu.syncthreads()
    k = t
    while k < n:
        a[k] = s[k]
        k += gpu.block.dim.x


a = [(i * 37) % 41 - 20 for i in range(40)]
oddeven(a, grid=1, block=32)
print(a)
b = [5, 4, 3, 2, 1, 0, -1]
oddeven(b, grid=1, block=2)
print(b)
c = [(i * 13) % 64 for i in range(64)]
oddeven(c, grid=1, block=1)
print(c[0], c[1], c[62], c[63])
