# 1-D heat equation on device-resident arrays swapped between launches
import gpu


@gpu.kernel
def step(src, dst, alpha):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    n = len(src)
    if i < n:
        if i == 0 or i == n - 1:
            dst[i] = src[i]
        else:
            dst[i] = src[i] + alpha * (src[i - 1] - 2.0 * src[i] + src[i + 1])


n = 64
u = [0.0] * n
u[n // 2] = 1024.0
u[0] = 16.0
a = gpu.to_device(u)
b = gpu.to_device(u)
print(len(a), len(b))
for t in range(100):
    step(a, b, 0.25, grid=(n + 31) // 32, block=32)
    a, b = b, a
gpu.synchronize()
res = a.copy_to_host()
print(f"{sum(res):.6f}")
for i in range(0, n, 8):
    print(i, f"{res[i]:.6f}")
# the host list given to to_device was copied: it has not changed
print(u[n // 2], u[1], sum(u))
# copy_to_host gives a new list each time
c1 = a.copy_to_host()
c1[0] = -1.0
c2 = a.copy_to_host()
print(c2[0], c1[0])
