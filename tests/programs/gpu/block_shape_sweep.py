# one kernel, many launch shapes: the result must not depend on the shape
import gpu


@gpu.kernel
def poly(w, h, out):
    x = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    y = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    z = gpu.block.z * gpu.block.dim.z + gpu.thread.z
    if x < w and y < h and z == 0:
        out[y * w + x] = x * x - 3 * y + x * y


w = 10
h = 6
ref = [0] * (w * h)
for y in range(h):
    for x in range(w):
        ref[y * w + x] = x * x - 3 * y + x * y
out = [0] * (w * h)
poly(w, h, out, grid=(w, h), block=1)
print(out == ref, sum(out))
for bx in [1, 3, 16]:
    for by in [1, 2, 7]:
        out = [0] * (w * h)
        poly(w, h, out, grid=((w + bx - 1) // bx, (h + by - 1) // by), block=(bx, by))
        print(bx, by, out == ref)
out = [0] * (w * h)
poly(w, h, out, grid=(1, 1, 3), block=(16, 8, 2))
print("3-d", out == ref)
out = [0] * (w * h)
poly(w, h, out, grid=(5, 3, 1), block=(2, 2, 1))
print("3-d", out == ref)
out = [0] * (w * h)
poly(w, h, out, grid=(1, 1), block=(32, 32))
print("1024 threads", out == ref)
