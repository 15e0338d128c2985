# a modulo by zero computed from the thread index (only thread 0 fails)
import gpu


@gpu.kernel
def buckets(x, out):
    t = gpu.thread.x
    out[t] = x[t] % t


x = [5, 6, 7, 8]
out = [0] * 4
print("launching")
buckets(x, out, grid=1, block=4)
print("not reached")
