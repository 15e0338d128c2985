# mixed int/float arithmetic in kernels: ints are promoted, / always gives a float
# (float ** float is a math-library pow: printed rounded)
import gpu


@gpu.kernel
def mixed(n, f, ints, out):
    i = gpu.thread.x
    k = ints[i]
    out[5 * i] = k / 4
    out[5 * i + 1] = k * f
    out[5 * i + 2] = k + 0.5
    out[5 * i + 3] = (k // 2) * 1.5 - n
    out[5 * i + 4] = k / n + f / 2


@gpu.kernel
def compare(ints, fl, out):
    i = gpu.thread.x
    out[i] = ints[i] < fl[i] or ints[i] == fl[i] * 2.0


@gpu.kernel
def powers(x, out):
    i = gpu.thread.x
    out[3 * i] = x[i] ** 2
    out[3 * i + 1] = 2.0 ** x[i]
    out[3 * i + 2] = x[i] ** 0.5


ints = [0, 1, 2, 3, -4, 7, 10]
out = [0.0] * 35
mixed(4, 0.25, ints, out, grid=1, block=7)
for i in range(7):
    print(ints[i], out[5 * i], out[5 * i + 1], out[5 * i + 2], out[5 * i + 3], out[5 * i + 4])

fl = [0.5, 0.5, 1.0, 1.5, -2.0, 7.5, 3.0]
cmp = [False] * 7
compare(ints, fl, cmp, grid=1, block=7)
print(cmp)

x = [0.0, 1.0, 2.0, 4.0, 9.0, 0.25]
pw = [0.0] * 18
powers(x, pw, grid=1, block=6)
for i in range(6):
    print(x[i], pw[3 * i], f"{pw[3 * i + 1]:.9f}", f"{pw[3 * i + 2]:.9f}")
