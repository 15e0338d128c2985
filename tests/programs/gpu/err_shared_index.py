# an out-of-range index into a shared array, after a barrier
import gpu


@gpu.kernel
def rotate(x, k):
    s = gpu.shared.array(8, int)
    t = gpu.thread.x
    s[t] = x[t]
    gpu.syncthreads()
    x[t] = s[t + k]


x = [1, 2, 3, 4, 5, 6, 7, 8]
rotate(x, 0, grid=1, block=8)
print(x)
rotate(x, -3, grid=1, block=8)
print(x)
rotate(x, 1, grid=1, block=8)
print("not reached")
