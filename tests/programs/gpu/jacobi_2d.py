# 2-D Jacobi iteration on a grid with fixed borders, device arrays swapped between launches
import gpu


@gpu.kernel
def jacobi(w, h, src, dst):
    x = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    y = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    if x < w and y < h:
        k = y * w + x
        if x == 0 or y == 0 or x == w - 1 or y == h - 1:
            dst[k] = src[k]
        else:
            dst[k] = 0.25 * (src[k - 1] + src[k + 1] + src[k - w] + src[k + w])


@gpu.kernel
def diff(a, b, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(a):
        out[i] = abs(a[i] - b[i])


w = 20
h = 12
grid0 = [0.0] * (w * h)
for x in range(w):
    grid0[x] = 100.0
for y in range(h):
    grid0[y * w + w - 1] = 50.0
a = gpu.to_device(grid0)
b = gpu.to_device(grid0)
for it in range(60):
    jacobi(w, h, a, b, grid=((w + 7) // 8, (h + 7) // 8), block=(8, 8))
    a, b = b, a
d = [0.0] * (w * h)
jacobi(w, h, a, b, grid=((w + 7) // 8, (h + 7) // 8), block=(8, 8))
diff(a, b, d, grid=(w * h + 127) // 128, block=128)
print(f"max change in the last step: {max(d):.6e}")
res = a.copy_to_host()
print(f"total {sum(res):.6f}")
for y in range(0, h, 3):
    line = ""
    for x in range(0, w, 4):
        line += f" {res[y * w + x]:8.4f}"
    print(line)
