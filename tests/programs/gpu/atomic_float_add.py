# float atomic adds whose result does not depend on the order (values and sums exact in binary)
import gpu


@gpu.kernel
def accumulate(x, sums):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        gpu.atomic.add(sums, 0, x[i])
        gpu.atomic.add(sums, 1 + i % 3, x[i] * 2.0)


@gpu.kernel
def count_halves(n, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < n:
        gpu.atomic.add(out, i % 2, 0.5)
        gpu.atomic.add(out, 2, 0.25)


@gpu.kernel
def f32_add(n, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < n:
        gpu.atomic.add(out, 0, float32(1.0))
        gpu.atomic.add(out, 1, float32(0.125))


x = [float((i * 7) % 32) * 0.25 for i in range(1000)]
sums = [0.0] * 4
accumulate(x, sums, grid=8, block=128)
print(sums)
print(sum(x))

halves = [0.0, 0.0, 0.0]
count_halves(999, halves, grid=4, block=256)
print(halves)

fs = [float32(0.0), float32(0.0)]
f32_add(1000, fs, grid=10, block=100)
print(fs)
f32_add(24, fs, grid=1, block=32)
print(fs)
