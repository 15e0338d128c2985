# scalar launch arguments are passed by value: int, float, float32 and bool
import gpu


@gpu.kernel
def scalars(n, f, g, flag, out_i, out_f, out_g, out_b):
    t = gpu.thread.x
    # assigning to a parameter changes only this thread's copy
    n = n + t
    f = f * 2.0
    g = g + float32(t)
    flag = flag and t % 2 == 0
    out_i[t] = n
    out_f[t] = f + t
    out_g[t] = g
    out_b[t] = flag


n = 40
f = 1.25
g = float32(0.1)
flag = True
oi = [0] * 4
of = [0.0] * 4
og = [float32(0.0)] * 4
ob = [False] * 4
scalars(n, f, g, flag, oi, of, og, ob, grid=1, block=4)
print(oi, of, og, ob)
print(n, f, g, flag)
scalars(-1, -0.5, float32(2.5), False, oi, of, og, ob, grid=1, block=4)
print(oi, of, og, ob)
# expressions as arguments
scalars(n * 2 - 1, f / 4.0, g * float32(10.0), not flag, oi, of, og, ob, grid=1, block=3)
print(oi, of, og, ob)
