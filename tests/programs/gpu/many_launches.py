# many small launches in host loops, kernels launched from host functions
import gpu


@gpu.kernel
def bump(x, k):
    i = gpu.thread.x
    if i < len(x):
        x[i] = x[i] + k * (i + 1)


@gpu.kernel
def collatz_step(x, steps):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x) and x[i] != 1:
        if x[i] % 2 == 0:
            x[i] = x[i] // 2
        else:
            x[i] = 3 * x[i] + 1
        steps[i] += 1


def run_bumps(n, times):
    x = [0] * n
    for k in range(times):
        bump(x, k, grid=1, block=n)
    return x


x = run_bumps(8, 300)
print(x)

d = gpu.to_device([0] * 5)
for k in range(200):
    bump(d, 1, grid=1, block=8)
print(d.copy_to_host())

vals = [i + 1 for i in range(32)]
steps = [0] * 32
for it in range(120):
    collatz_step(vals, steps, grid=4, block=8)
print(steps)
print(vals == [1] * 32)
